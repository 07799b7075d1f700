package org.tesseracrm.kernel.api.record;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marks rows of a record type's list, registered as a service with property {@link RecordType#ID}
 * naming the record type, or {@link RecordType#ALL} for every type: the list shows the mark as a
 * coloured badge in a "Flags" column, with its hint as tooltip.
 *
 * <p>The list calls {@link #decorate(String, List)} once for each page it loads. A decoration that
 * needs only the row implements {@link #decorate(RecordRow)}; one that needs data of its own (say,
 * the next activity due on each record) overrides the page method and reads it in one query for the
 * whole page, never one per row.
 */
@ConsumerType
public interface RowDecoration {
    /**
     * @param row a row of the list, all fields
     * @return the mark, if the row gets one; none by default
     */
    default Optional<Mark> decorate(RecordRow row) {
        return Optional.empty();
    }

    /**
     * Called as the signed-in user, once per page.
     *
     * @param recordType the record type id of the list
     * @param page the rows of one page, all fields
     * @return the marks by record id, for the rows that get one; by default {@link #decorate(RecordRow)}
     *     of each row
     */
    default Map<Long, Mark> decorate(String recordType, List<RecordRow> page) {
        Map<Long, Mark> marks = new HashMap<>();
        page.forEach(row -> decorate(row).ifPresent(mark -> marks.put(row.id(), mark)));
        return marks;
    }

    /**
     * A badge on a row.
     *
     * @param text the badge text, a word or two, e.g. "No e-mail"
     * @param tone its colour: {@code success} (green), {@code warning} (yellow), {@code error} (red),
     *     {@code contrast} or empty for the default (blue)
     * @param hint the tooltip, e.g. what to do about it
     */
    record Mark(String text, String tone, String hint) {
    }
}
