package org.tesseracrm.kernel.api.record;

import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marks rows of a record type's list, registered as a service with property {@link RecordType#ID}:
 * the list shows the mark as a coloured badge in a "Flags" column, with its hint as tooltip. Called
 * for every row on screen, so it decides from the row alone and never queries the database.
 */
@ConsumerType
public interface RowDecoration {
    /**
     * @param row a row of the list, all fields
     * @return the mark, if the row gets one
     */
    Optional<Mark> decorate(RecordRow row);

    /**
     * A badge on a row.
     *
     * @param text the badge text, a word or two, e.g. "No e-mail"
     * @param tone its colour: {@code success}, {@code error}, {@code contrast} or empty for the default
     * @param hint the tooltip, e.g. what to do about it
     */
    record Mark(String text, String tone, String hint) {
    }
}
