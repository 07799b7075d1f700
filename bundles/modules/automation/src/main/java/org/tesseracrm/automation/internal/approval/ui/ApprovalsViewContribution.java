package org.tesseracrm.automation.internal.approval.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.automation.api.Approvals;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/** Contributes the approval processes' admin page at {@code /admin/automation/approvals}, for {@code automation.view}. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/automation/approvals", title = "Approval processes", icon = "vaadin:check-square-o",
        group = "Administration", order = 73, permission = Automation.VIEW)
public class ApprovalsViewContribution implements ViewContribution {
    private final Approvals approvals;
    private final RecordTypes types;
    private final AccessControl access;

    /**
     * @param approvals the processes, which check the permissions
     * @param types the record types to choose from
     * @param access shows the editing controls to those with {@code automation.configure}
     */
    @Activate
    public ApprovalsViewContribution(@Reference Approvals approvals, @Reference RecordTypes types,
            @Reference AccessControl access) {
        this.approvals = approvals;
        this.types = types;
        this.access = access;
    }

    @Override
    public Class<? extends Component> viewType() {
        return ApprovalsView.class;
    }

    @Override
    public Component createView() {
        return new ApprovalsView(approvals, types, access.permitted(Automation.CONFIGURE));
    }
}
