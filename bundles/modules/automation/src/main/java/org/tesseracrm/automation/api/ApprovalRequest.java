package org.tesseracrm.automation.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A record submitted to an {@link ApprovalProcess}, and where it stands. While it is {@link Status#PENDING} the
 * record is locked: the record platform refuses every change and delete of it, whoever makes it (form, board, import,
 * REST API).
 *
 * @param id the request id
 * @param processId the process it was submitted to
 * @param processName the process's name when it was submitted
 * @param recordType the record's type id
 * @param recordId the record's id
 * @param submitter the user name of who submitted it
 * @param comment the submitter's comment, "" for none
 * @param status where it stands
 * @param step the current step (1 for the first); for a decided request, the step it was decided at
 * @param steps the process's steps when it was submitted (the request keeps them if the process changes)
 * @param approvers the user names who may decide the current step (empty once decided, or when nobody can: a
 *     manager step for a submitter without a manager above them)
 * @param submittedAt when it was submitted
 * @param decidedAt when it was approved or rejected at the last step; empty while pending
 * @param decisions every step's decision, in order
 */
public record ApprovalRequest(long id, long processId, String processName, String recordType, long recordId,
        String submitter, String comment, Status status, int step, List<ApprovalStep> steps, List<String> approvers,
        Instant submittedAt, Optional<Instant> decidedAt, List<ApprovalDecision> decisions) {
    /** Where a request stands. */
    public enum Status {
        /** Waiting for the current step's approver: the record is locked. */
        PENDING,
        /** Every step approved. */
        APPROVED,
        /** An approver rejected it. */
        REJECTED
    }

    /** Checks the parts are present and keeps unmodifiable copies of the lists. */
    public ApprovalRequest {
        Objects.requireNonNull(processName, "processName");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(submitter, "submitter");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(submittedAt, "submittedAt");
        comment = comment == null ? "" : comment;
        steps = List.copyOf(steps);
        approvers = List.copyOf(approvers);
        decidedAt = decidedAt == null ? Optional.empty() : decidedAt;
        decisions = List.copyOf(decisions);
    }

    /** @return whether the request still waits for a decision */
    public boolean pending() {
        return status == Status.PENDING;
    }
}
