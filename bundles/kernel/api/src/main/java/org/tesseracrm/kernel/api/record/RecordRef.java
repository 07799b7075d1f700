package org.tesseracrm.kernel.api.record;

import java.util.Objects;

/**
 * A record named for users: what a lookup field points at and what a lookup's type-ahead offers.
 *
 * @param recordType the record type id
 * @param id the record id
 * @param title the record's title (its {@link RecordType#titleFields title fields} joined by spaces)
 */
public record RecordRef(String recordType, long id, String title) {
    /** Checks the parts are present. */
    public RecordRef {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(title, "title");
    }
}
