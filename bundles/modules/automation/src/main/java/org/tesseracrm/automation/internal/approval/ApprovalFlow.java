package org.tesseracrm.automation.internal.approval;

import java.util.List;
import java.util.Optional;

import org.tesseracrm.automation.api.ApprovalProcess;
import org.tesseracrm.automation.api.ApprovalRequest;
import org.tesseracrm.automation.api.ApprovalStep;

/**
 * The rules of an approval, without storage: who approves a step, where a decision leads, why a record is locked and
 * when a gated value is refused.
 */
final class ApprovalFlow {
    private ApprovalFlow() {
    }

    /**
     * Where a request goes after a decision.
     *
     * @param status the request's status after it
     * @param step the step it is at after it (the same step when decided)
     */
    record Next(ApprovalRequest.Status status, int step) {
    }

    /**
     * @param step a step
     * @param submitter who submitted the record
     * @param managers the role tree
     * @return who may decide the step: the submitter's managers, or the named user while active; empty for nobody
     */
    static List<String> approvers(ApprovalStep step, String submitter, Managers managers) {
        if (step.approver() == ApprovalStep.Approver.MANAGER) {
            return managers.of(submitter);
        }
        return managers.active(step.user()) ? List.of(step.user()) : List.of();
    }

    /**
     * @param step the current step, 1 for the first
     * @param steps how many steps the request has
     * @param approved whether the current step's approver approved
     * @return the request's status and step after the decision
     */
    static Next decide(int step, int steps, boolean approved) {
        if (!approved) {
            return new Next(ApprovalRequest.Status.REJECTED, step);
        }
        return step >= steps ? new Next(ApprovalRequest.Status.APPROVED, step)
                : new Next(ApprovalRequest.Status.PENDING, step + 1);
    }

    /**
     * @param request the record's newest request, if any
     * @param title what the record is called, e.g. "Quote Q-2026-00042"
     * @return why the record cannot be changed now; empty when it is not pending
     */
    static Optional<String> lock(Optional<ApprovalRequest> request, String title) {
        if (request.isEmpty() || !request.get().pending()) {
            return Optional.empty();
        }
        ApprovalRequest r = request.get();
        String by = r.approvers().isEmpty() ? r.steps().get(r.step() - 1).describe()
                : String.join(", ", r.approvers());
        return Optional.of(title + " is waiting for approval by " + by + " (" + r.processName() + ", step " + r.step()
                + " of " + r.steps().size() + "): it cannot be changed until it is approved or rejected");
    }

    /**
     * Whether a change of the process's gate field is refused: the record meets the criteria, takes a gated value it
     * did not have, and its newest request of this process is not approved.
     *
     * @param process an active process with a gate
     * @param meets whether the record (after the change) meets the process's criteria
     * @param from the gate field's value before
     * @param to its value after
     * @param latest the status of the record's newest request of this process, if any
     * @return the message for the gate field; empty when the change may go on
     */
    static Optional<String> gate(ApprovalProcess process, boolean meets, String from, String to,
            Optional<ApprovalRequest.Status> latest) {
        if (process.gateField().isEmpty() || !process.active() || !meets || from.equals(to)
                || !process.gateValues().contains(to) || latest.equals(Optional.of(ApprovalRequest.Status.APPROVED))) {
            return Optional.empty();
        }
        String state = latest.map(s -> s == ApprovalRequest.Status.PENDING ? "it is waiting for approval"
                : "its approval was rejected: submit it again").orElse("submit it for approval first");
        return Optional.of("\"" + to + "\" needs the approval \"" + process.name() + "\": " + state);
    }
}
