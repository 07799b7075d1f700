package org.tesseracrm.kernel.api.record;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome a user recorded for a record (the call reached the decision maker, the quote was
 * declined...), chosen from the options an admin set for the record type.
 *
 * @param id the typification id
 * @param recordType the record type id
 * @param recordId the record's id
 * @param outcome the option chosen, as it read when chosen
 * @param comment what the user added, possibly empty
 * @param username who recorded it
 * @param at when
 */
public record Typification(long id, String recordType, long recordId, String outcome, String comment, String username,
        Instant at) {
    /** Checks the parts are present. */
    public Typification {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(at, "at");
    }
}
