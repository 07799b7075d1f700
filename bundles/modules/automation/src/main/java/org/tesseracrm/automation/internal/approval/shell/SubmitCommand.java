package org.tesseracrm.automation.internal.approval.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.automation.api.ApprovalRequest;

/** {@code automation:approval-submit}: Submits a record for approval (it is locked until decided). */
@Service
@Command(scope = "automation", name = "approval-submit", description = "Submits a record for approval (it is locked until decided)")
public class SubmitCommand extends RecordApprovalCommand {
    @Override
    ApprovalRequest act(String said) {
        return approvals.submit(type, id, said);
    }
}
