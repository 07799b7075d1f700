package org.tesseracrm.kernel.ui.internal.admin;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/** Contributes {@link RolesView} to the Administration menu. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/roles", title = "Roles", icon = "vaadin:sitemap", group = "Administration", order = 20,
        permission = SecurityAdmin.MANAGE_USERS)
public class RolesViewContribution implements ViewContribution {
    private final SecurityAdmin security;

    /** @param security what the page shows and changes */
    @Activate
    public RolesViewContribution(@Reference SecurityAdmin security) {
        this.security = security;
    }

    @Override
    public Class<? extends Component> viewType() {
        return RolesView.class;
    }

    @Override
    public Component createView() {
        return new RolesView(security);
    }
}
