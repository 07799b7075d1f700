package org.tesseracrm.kernel.api.record;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list read with a cursor ({@link Records#slice}): the rows, and the cursor that reads the page
 * after them.
 *
 * @param rows the page's rows, all fields
 * @param next the cursor of the next page; empty when this page is the last
 * @since 2.1
 */
public record RecordSlice(List<RecordRow> rows, Optional<String> next) {
    /** Copies the rows. */
    public RecordSlice {
        rows = List.copyOf(rows);
        Objects.requireNonNull(next, "next");
    }
}
