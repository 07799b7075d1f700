package org.tesseracrm.kernel.api.record;

import java.util.List;
import java.util.Objects;

/**
 * The records of one record type a {@link RecordSearch global search} found.
 *
 * @param recordType the record type id
 * @param label the type's plural label, e.g. "Contacts", the group's heading
 * @param records the records found, ordered by title
 * @param more whether there are more matches than returned
 */
public record SearchGroup(String recordType, String label, List<RecordRef> records, boolean more) {
    /** Checks the parts are present and copies the records. */
    public SearchGroup {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(label, "label");
        records = List.copyOf(records);
    }
}
