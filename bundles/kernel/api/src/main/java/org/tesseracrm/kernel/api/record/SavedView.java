package org.tesseracrm.kernel.api.record;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A list view a user saved: search text, filters, order and visible columns under a name. A view
 * belongs to its owner; a shared view is offered to everyone who may see the record type. A view with a
 * grouping field is a board configuration: its columns are the fields its cards show (the first is the
 * card's title), its order the order of the cards in each column.
 *
 * @param recordType the record type listed
 * @param name what the view is called, unique per owner and record type
 * @param owner the user who saved it (set by {@link SavedViews#save})
 * @param shared whether everyone sees it
 * @param text the search text, empty for none
 * @param filters the filters
 * @param sort the order, empty for the type's default
 * @param columns the visible columns in order, empty for the list's default
 * @param groupBy for a board, the field its columns group by ({@link Records#groups}); empty for a list view
 */
public record SavedView(String recordType, String name, String owner, boolean shared, String text, List<Filter> filters,
        List<SortOrder> sort, List<String> columns, Optional<String> groupBy) {
    /** Checks the parts are present and keeps unmodifiable copies. */
    public SavedView {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(text, "text");
        filters = List.copyOf(filters);
        sort = List.copyOf(sort);
        columns = List.copyOf(columns);
        Objects.requireNonNull(groupBy, "groupBy");
    }

    /**
     * A list view (no grouping field).
     *
     * @param recordType the record type listed
     * @param name what the view is called
     * @param owner the user who saved it
     * @param shared whether everyone sees it
     * @param text the search text, empty for none
     * @param filters the filters
     * @param sort the order, empty for the type's default
     * @param columns the visible columns in order, empty for the list's default
     */
    public SavedView(String recordType, String name, String owner, boolean shared, String text, List<Filter> filters,
            List<SortOrder> sort, List<String> columns) {
        this(recordType, name, owner, shared, text, filters, sort, columns, Optional.empty());
    }

    /** @return whether this is a board configuration rather than a list view */
    public boolean board() {
        return groupBy.isPresent();
    }

    /** @return the query this view lists: its search text, filters and order, first page */
    public RecordQuery query() {
        return RecordQuery.page(0, 50).withText(text).withFilters(filters).withSort(sort);
    }
}
