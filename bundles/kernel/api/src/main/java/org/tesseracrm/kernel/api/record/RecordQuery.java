package org.tesseracrm.kernel.api.record;

import java.util.List;
import java.util.Optional;

/**
 * A page of a list view: which rows, in which order, matching which text. Paging, sorting and
 * filtering always happen in the database.
 *
 * @param offset index of the first row, from 0
 * @param limit maximum number of rows, 1 to {@link #MAX_LIMIT}
 * @param sort sort keys, most significant first; may be empty
 * @param text text every returned row contains in one of its search fields (case-insensitive);
 *     empty for all rows
 * @param filters conditions every returned row meets, on predefined or custom fields
 */
public record RecordQuery(int offset, int limit, List<SortOrder> sort, Optional<String> text, List<Filter> filters) {
    /** The largest page a query may ask for. */
    public static final int MAX_LIMIT = 1000;

    /** Checks the bounds and normalises the text (trimmed, blank means none). */
    public RecordQuery {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
        sort = List.copyOf(sort);
        text = text.map(String::trim).filter(t -> !t.isEmpty());
        filters = List.copyOf(filters);
    }

    /**
     * A query without filters.
     *
     * @param offset index of the first row
     * @param limit maximum number of rows
     * @param sort sort keys
     * @param text search text
     */
    public RecordQuery(int offset, int limit, List<SortOrder> sort, Optional<String> text) {
        this(offset, limit, sort, text, List.of());
    }

    /**
     * @param offset index of the first row
     * @param limit maximum number of rows
     * @return a query for all rows in default order
     */
    public static RecordQuery page(int offset, int limit) {
        return new RecordQuery(offset, limit, List.of(), Optional.empty());
    }

    /**
     * @param newText the text to look for, null or blank for none
     * @return this query filtered by the given text
     */
    public RecordQuery withText(String newText) {
        return new RecordQuery(offset, limit, sort, Optional.ofNullable(newText), filters);
    }

    /**
     * @param newSort sort keys, most significant first
     * @return this query in the given order
     */
    public RecordQuery withSort(List<SortOrder> newSort) {
        return new RecordQuery(offset, limit, newSort, text, filters);
    }

    /**
     * @param newFilters the conditions every row must meet
     * @return this query with those filters
     */
    public RecordQuery withFilters(List<Filter> newFilters) {
        return new RecordQuery(offset, limit, sort, text, newFilters);
    }

    /**
     * @param newOffset index of the first row
     * @param newLimit maximum number of rows
     * @return the same conditions and order for another page
     */
    public RecordQuery withPage(int newOffset, int newLimit) {
        return new RecordQuery(newOffset, newLimit, sort, text, filters);
    }
}
