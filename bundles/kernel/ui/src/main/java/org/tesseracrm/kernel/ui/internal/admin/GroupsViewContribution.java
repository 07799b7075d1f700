package org.tesseracrm.kernel.ui.internal.admin;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/** Contributes {@link GroupsView} to the Administration menu. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/groups", title = "Groups", icon = "vaadin:group", group = "Administration", order = 30,
        permission = SecurityAdmin.MANAGE_USERS)
public class GroupsViewContribution implements ViewContribution {
    private final SecurityAdmin security;

    /** @param security what the page shows and changes */
    @Activate
    public GroupsViewContribution(@Reference SecurityAdmin security) {
        this.security = security;
    }

    @Override
    public Class<? extends Component> viewType() {
        return GroupsView.class;
    }

    @Override
    public Component createView() {
        return new GroupsView(security);
    }
}
