package org.tesseracrm.automation.internal.approval.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.automation.api.ApprovalRequest;

/** {@code automation:approve}: Approves the current step of a record waiting for your approval. */
@Service
@Command(scope = "automation", name = "approve", description = "Approves the current step of a record waiting for your approval")
public class ApproveCommand extends RecordApprovalCommand {
    @Override
    ApprovalRequest act(String said) {
        return approvals.approve(type, id, said);
    }
}
