package org.tesseracrm.automation.internal.approval.shell;

import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.tesseracrm.automation.api.ApprovalProcess;
import org.tesseracrm.automation.api.ApprovalRequest;
import org.tesseracrm.automation.api.ApprovalStep;
import org.tesseracrm.automation.api.Approvals;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** What the approval commands share: the service, run as the shell's user, and how they print. */
abstract class ApprovalCommand implements Action {
    @Reference
    Approvals approvals;

    @Reference
    CallerContext callers;

    <T> T asUser(Supplier<T> work) {
        return callers.callAs(ShellCaller.current(), work);
    }

    /**
     * @param p a process
     * @return e.g. {@code 3 "Quote discount" quote active: 2 steps (the submitter's manager, ivan); gate status
     *     Sent, Accepted}
     */
    static String line(ApprovalProcess p) {
        return p.id() + " \"" + p.name() + "\" " + p.recordType() + " " + (p.active() ? "active" : "inactive") + ": "
                + p.steps().size() + " step" + (p.steps().size() == 1 ? "" : "s") + " ("
                + p.steps().stream().map(ApprovalStep::describe).collect(Collectors.joining(", ")) + "); "
                + p.criteria().conditions().size() + " condition(s)"
                + (p.gateField().isEmpty() ? "" : "; gate " + p.gateField() + " " + String.join(", ", p.gateValues()));
    }

    /**
     * @param r a request
     * @return e.g. {@code quote 17: PENDING step 1 of 2 "Quote discount" by rita, waits for boss}
     */
    static String line(ApprovalRequest r) {
        return r.recordType() + " " + r.recordId() + ": " + r.status() + " step " + r.step() + " of "
                + r.steps().size() + " \"" + r.processName() + "\" by " + r.submitter()
                + (r.pending() ? ", waits for " + String.join(", ", r.approvers()) : "")
                + r.decisions().stream().map(d -> "; step " + d.step() + " " + (d.approved() ? "approved" : "rejected")
                        + " by " + d.approver() + (d.comment().isEmpty() ? "" : " (" + d.comment() + ")"))
                        .collect(Collectors.joining());
    }
}
