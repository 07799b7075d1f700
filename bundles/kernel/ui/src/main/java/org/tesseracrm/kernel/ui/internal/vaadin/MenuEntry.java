package org.tesseracrm.kernel.ui.internal.vaadin;

import java.util.Map;

import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/**
 * A side-menu entry, read from a {@link ViewContribution}'s service properties.
 *
 * @param route the route it opens
 * @param title the label; empty means the view has no menu entry
 * @param icon a Vaadin icon name like {@code vaadin:users}
 * @param group the menu group, empty for the top level
 * @param order lower first
 * @param permission the permission a user needs to see the entry and open the view; empty for none
 */
public record MenuEntry(String route, String title, String icon, String group, int order, String permission) {

    static MenuEntry of(Map<String, ?> props) {
        return new MenuEntry(text(props, ViewContribution.ROUTE), text(props, ViewContribution.TITLE),
                text(props, ViewContribution.ICON), text(props, ViewContribution.GROUP), number(props.get(ViewContribution.ORDER)),
                text(props, ViewContribution.PERMISSION));
    }

    /**
     * @param access the current caller's access
     * @return whether the caller may open the view: it needs no permission, or the caller has it
     */
    public boolean openTo(AccessControl access) {
        return permission.isEmpty() || access.permitted(permission);
    }

    /** @return whether the entry shows in the menu */
    public boolean visible() {
        return !title.isEmpty();
    }

    private static String text(Map<String, ?> props, String key) {
        Object value = props.get(key);
        return value == null ? "" : value.toString().trim();
    }

    private static int number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? 100 : Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
