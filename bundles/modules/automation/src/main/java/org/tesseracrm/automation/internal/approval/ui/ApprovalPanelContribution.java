package org.tesseracrm.automation.internal.approval.ui;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.automation.api.ApprovalProcess;
import org.tesseracrm.automation.api.ApprovalRequest;
import org.tesseracrm.automation.api.Approvals;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.RecordPanel;

/**
 * Adds the approval to the form of every record type that has a process or requests: the state under a banner, Submit
 * for approval, and Approve / Reject for the current step's approvers (the notification they get links the record).
 */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class,
        property = {RecordType.ID + "=" + RecordType.ALL, RecordPanel.ORDER + ":Integer=5"})
public class ApprovalPanelContribution implements RecordPanel {
    private final Approvals approvals;
    private final RecordTypes types;
    private final AccessControl access;

    /**
     * @param approvals the record's process and requests; submits and decides
     * @param types the record type's module, for the edit permission
     * @param access shows Submit to those who may edit
     */
    @Activate
    public ApprovalPanelContribution(@Reference Approvals approvals, @Reference RecordTypes types,
            @Reference AccessControl access) {
        this.approvals = approvals;
        this.types = types;
        this.access = access;
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        try {
            List<ApprovalRequest> requests = approvals.requests(recordType, recordId);
            Optional<ApprovalProcess> process = approvals.processFor(recordType, recordId);
            if (requests.isEmpty() && process.isEmpty()) {
                return Optional.empty();
            }
            boolean edit = types.find(recordType).map(t -> access.permitted(t.moduleId() + ".edit")).orElse(false);
            return Optional.of(new ApprovalPanel(approvals, recordType, recordId, requests, process, edit,
                    access.me().username()));
        } catch (CrmException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
