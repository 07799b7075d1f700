package org.tesseracrm.reports.api;

import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.RecordQuery;

/**
 * The records behind one row of a report: a list of {@code recordType} with this search text and these filters
 * (the report's own, its period and the row's groups) shows exactly them, for the caller.
 *
 * @param recordType the record type to list
 * @param text search text; empty for none
 * @param filters the filters
 */
public record Drill(String recordType, Optional<String> text, List<Filter> filters) {
    /** Copies the filters. */
    public Drill {
        text = text == null ? Optional.empty() : text.filter(t -> !t.isBlank());
        filters = List.copyOf(filters);
    }

    /**
     * @param offset index of the first record
     * @param limit the most records
     * @return the list query of these records, in the type's default order
     */
    public RecordQuery query(int offset, int limit) {
        return new RecordQuery(offset, limit, List.of(), text, filters);
    }
}
