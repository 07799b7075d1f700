package org.tesseracrm.contacts.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/** Contributes the contacts list at {@code /contacts} with its menu entry under Sales. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "contacts", title = "Contacts", icon = "vaadin:user-card", group = "Sales", order = 10,
        permission = "contacts.view")
public class ContactsViewContribution implements ViewContribution {

    private final ContactService contacts;

    /** @param contacts the service the view works with */
    @Activate
    public ContactsViewContribution(@Reference ContactService contacts) {
        this.contacts = contacts;
    }

    @Override
    public Class<? extends Component> viewType() {
        return ContactsView.class;
    }

    @Override
    public Component createView() {
        return new ContactsView(contacts);
    }
}
