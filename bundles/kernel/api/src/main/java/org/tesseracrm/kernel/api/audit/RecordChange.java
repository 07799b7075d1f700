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
}
