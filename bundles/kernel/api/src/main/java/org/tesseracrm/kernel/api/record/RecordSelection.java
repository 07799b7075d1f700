package org.tesseracrm.kernel.api.record;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The records a bulk action works on: either the rows a user ticked, or every record matching a list's
 * search and filters (its page and order do not matter). Either way only records the caller sees are
 * touched, and at most {@link Records#BULK_LIMIT}.
 *
 * @param ids the ticked record ids; empty when {@code matching} is given
 * @param matching the list's query, for "all matching"; empty when ids are given
 */
public record RecordSelection(List<Long> ids, Optional<RecordQuery> matching) {
    /** Checks that exactly one of the two is given. */
    public RecordSelection {
        ids = List.copyOf(ids);
        Objects.requireNonNull(matching, "matching");
        if (ids.isEmpty() == matching.isEmpty()) {
            throw new IllegalArgumentException("a selection is either ticked ids or a query, not both or neither");
        }
    }

    /**
     * @param ids the ticked record ids, at least one
     * @return a selection of those records
     */
    public static RecordSelection of(Collection<Long> ids) {
        return new RecordSelection(List.copyOf(ids), Optional.empty());
    }

    /**
     * @param query search text and filters
     * @return a selection of every record the query matches
     */
    public static RecordSelection matching(RecordQuery query) {
        return new RecordSelection(List.of(), Optional.of(query));
    }
}
