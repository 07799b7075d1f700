package org.tesseracrm.kernel.api.audit;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One audited change of a record.
 *
 * @param id the entry id
 * @param at when
 * @param username who
 * @param module the record's module
 * @param recordType the record type id
 * @param recordId the record id
 * @param label the record's name at the time
 * @param action create, update or delete
 * @param changes old → new per field
 */
public record AuditEntry(long id, Instant at, String username, String module, String recordType, long recordId,
        String label, AuditAction action, List<FieldChange> changes) {
    /** Copies the changes. */
    public AuditEntry {
        changes = List.copyOf(changes);
    }

    /** @return the changes as one line, e.g. {@code lastName: Byron → Lovelace; email:  → ada@example.org} */
    public String changesText() {
        return changes.stream().map(c -> c.field() + ": " + c.oldValue() + " → " + c.newValue())
                .collect(Collectors.joining("; "));
    }
}
