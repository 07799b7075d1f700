package org.tesseracrm.kernel.api.record;

import java.time.Instant;
import java.util.Objects;

/**
 * A note someone wrote on a record.
 *
 * @param id the note id
 * @param recordType the record type id of the record it is on
 * @param recordId the record's id
 * @param author who wrote it
 * @param at when
 * @param text what it says, plain text
 */
public record Note(long id, String recordType, long recordId, String author, Instant at, String text) {
    /** Checks the parts are present. */
    public Note {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(text, "text");
    }
}
