package org.tesseracrm.kernel.api.audit;

import java.util.Map;
import java.util.Objects;

/**
 * What a module reports after it changed a record. The audit trail adds who and when, and keeps only
 * the fields whose value differs between {@code before} and {@code after}.
 *
 * @param module the module id, e.g. {@code contacts}; readers need its view permission
 * @param recordType the record type id, e.g. {@code contact}
 * @param recordId the record id
 * @param label what the record is called, e.g. the contact's name
 * @param owner the record's owner after the change; record visibility applies to the history
 * @param action create, update or delete
 * @param before field values before (empty for a create)
 * @param after field values after (empty for a delete)
 */
public record RecordChange(String module, String recordType, long recordId, String label, String owner,
        AuditAction action, Map<String, ?> before, Map<String, ?> after) {
    /** Checks the parts are present. */
    public RecordChange {
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(action, "action");
        before = before == null ? Map.of() : before;
        after = after == null ? Map.of() : after;
    }

    /**
     * A history entry for something added to a record that is not one of its fields (a follow-up, a
     * check-in): it shows as that name going from nothing to the value.
     *
     * @param module the module id of the record's type (readers need its view permission)
     * @param recordType the record type id
     * @param recordId the record id
     * @param label what the record is called
     * @param owner the record's owner, for visibility
     * @param name what was added, e.g. {@code followUp}
     * @param value its description
     * @return the change
     */
    public static RecordChange added(String module, String recordType, long recordId, String label, String owner,
            String name, String value) {
        return new RecordChange(module, recordType, recordId, label, owner, AuditAction.UPDATE, Map.of(name, ""),
                Map.of(name, value));
    }
}
