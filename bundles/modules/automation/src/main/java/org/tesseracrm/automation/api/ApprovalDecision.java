package org.tesseracrm.automation.api;

import java.time.Instant;
import java.util.Objects;

/**
 * What one approver decided at one step of an {@link ApprovalRequest}.
 *
 * @param step the step, 1 for the first
 * @param approver the user name of who decided
 * @param approved true for approve, false for reject
 * @param comment the approver's comment, "" for none
 * @param at when
 */
public record ApprovalDecision(int step, String approver, boolean approved, String comment, Instant at) {
    /** Checks the parts are present. */
    public ApprovalDecision {
        Objects.requireNonNull(approver, "approver");
        Objects.requireNonNull(at, "at");
        comment = comment == null ? "" : comment;
    }
}
