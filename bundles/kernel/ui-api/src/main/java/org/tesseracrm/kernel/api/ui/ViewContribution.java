package org.tesseracrm.kernel.api.ui;

import com.vaadin.flow.component.Component;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A view (a Vaadin route inside the shell's layout) and, when it has a menu title, its side-menu
 * entry. The shell registers the route when this service appears and removes it when it goes; open
 * sessions see the menu change at once. Metadata are service properties (use {@link CrmView}), so the
 * shell builds the menu without creating views.
 *
 * <p>The contributing component creates the view itself and hands it the services it needs, so views
 * never look services up.
 */
@ConsumerType
public interface ViewContribution {
    /** Service property: the route, e.g. {@code contacts} (no leading slash). */
    String ROUTE = "crm.view.route";
    /** Service property: the menu title; a view without one has no menu entry. */
    String TITLE = "crm.view.title";
    /** Service property: a Vaadin icon name such as {@code vaadin:users}. */
    String ICON = "crm.view.icon";
    /** Service property: the menu group the entry is shown under, e.g. {@code Sales}. */
    String GROUP = "crm.view.group";
    /** Service property: an integer; lower comes first in the menu. */
    String ORDER = "crm.view.order";
    /** Service property: the permission a user needs to see the entry and open the view. */
    String PERMISSION = "crm.view.permission";

    /** @return the class of the views {@link #createView()} returns */
    Class<? extends Component> viewType();

    /** @return a new view instance for one navigation; called on the UI thread of a session */
    Component createView();
}
