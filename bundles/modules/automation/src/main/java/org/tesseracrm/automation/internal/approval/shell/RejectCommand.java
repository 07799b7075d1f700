package org.tesseracrm.automation.internal.approval.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.automation.api.ApprovalRequest;

/** {@code automation:reject}: Rejects a record waiting for your approval. */
@Service
@Command(scope = "automation", name = "reject", description = "Rejects a record waiting for your approval")
public class RejectCommand extends RecordApprovalCommand {
    @Override
    ApprovalRequest act(String said) {
        return approvals.reject(type, id, said);
    }
}
