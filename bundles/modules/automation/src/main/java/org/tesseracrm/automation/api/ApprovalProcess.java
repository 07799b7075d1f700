package org.tesseracrm.automation.api;

import java.util.List;
import java.util.Objects;

import org.tesseracrm.kernel.api.automation.Criteria;

/**
 * An approval process: which records of a type must be approved, by whom, in which order, and which values they
 * cannot take until approved.
 *
 * @param id the id; 0 for a process not saved yet
 * @param name a unique name, e.g. "Quote discount"
 * @param recordType the record type id, e.g. {@code quote}
 * @param criteria the records that must be approved (all or any of the list view's conditions); none: every record
 * @param steps the approvers in order, 1 to 10; approving step 1 moves the request to step 2's approver
 * @param gateField a pick-list field the record cannot move to {@code gateValues} on while it meets the criteria and
 *     is not approved (e.g. a quote's {@code status}); "" for no gate
 * @param gateValues the values of {@code gateField} that need approval first (e.g. Sent, Accepted); empty without a
 *     gate field
 * @param active whether records can be submitted to it (and its gate holds)
 * @param version the version the caller read, for the optimistic check on save; 0 for a new process
 */
public record ApprovalProcess(long id, String name, String recordType, Criteria criteria, List<ApprovalStep> steps,
        String gateField, List<String> gateValues, boolean active, long version) {
    /** Checks the parts are present and keeps unmodifiable copies of the lists. */
    public ApprovalProcess {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(recordType, "recordType");
        criteria = criteria == null ? Criteria.none() : criteria;
        steps = List.copyOf(steps);
        gateField = gateField == null ? "" : gateField.strip();
        gateValues = gateValues == null ? List.of() : List.copyOf(gateValues);
    }
}
