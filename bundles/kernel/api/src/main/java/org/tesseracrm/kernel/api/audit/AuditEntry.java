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
 * @param via how the change came in: {@link #VIA_API} for the REST API, empty otherwise (the web UI, the shell or
 *     the system)
 */
public record AuditEntry(long id, Instant at, String username, String module, String recordType, long recordId,
        String label, AuditAction action, List<FieldChange> changes, String via) {
    /** {@link #via()} of a change made through the REST API, with an API token. */
    public static final String VIA_API = "api";

    /** Copies the changes; null {@code via} means empty. */
    public AuditEntry {
        changes = List.copyOf(changes);
        via = via == null ? "" : via;
    }

    /**
     * An entry of a change not made through the API (the form of release 0.1).
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
    public AuditEntry(long id, Instant at, String username, String module, String recordType, long recordId,
            String label, AuditAction action, List<FieldChange> changes) {
        this(id, at, username, module, recordType, recordId, label, action, changes, "");
    }

    /** @return the changes as one line, e.g. {@code lastName: Byron → Lovelace; email:  → ada@example.org} */
    public String changesText() {
        return changes.stream().map(c -> c.field() + ": " + c.oldValue() + " → " + c.newValue())
                .collect(Collectors.joining("; "));
    }
}
