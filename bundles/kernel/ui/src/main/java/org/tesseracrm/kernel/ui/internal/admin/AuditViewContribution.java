package org.tesseracrm.kernel.ui.internal.admin;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/** Contributes {@link AuditView} to the Administration menu. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/audit", title = "Audit trail", icon = "vaadin:time-backward", group = "Administration", order = 80,
        permission = AuditTrail.VIEW_ALL)
public class AuditViewContribution implements ViewContribution {
    private final AuditTrail audit;

    /** @param audit what the page shows and changes */
    @Activate
    public AuditViewContribution(@Reference AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public Class<? extends Component> viewType() {
        return AuditView.class;
    }

    @Override
    public Component createView() {
        return new AuditView(audit);
    }
}
