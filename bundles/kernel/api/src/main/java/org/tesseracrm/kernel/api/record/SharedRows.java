package org.tesseracrm.kernel.api.record;

import java.util.Objects;
import java.util.Set;

/**
 * Which records of a type every caller who may view the type sees whatever their owner (published knowledge
 * articles), and whether the current caller also sees the others under the usual owner visibility
 * ({@link RecordType#sharedRows}). The platform adds the rule to every read of the type: lists, counts, exports,
 * look-ups, the global search, single reads and the parents of notes, files and activities.
 *
 * @param field the name of a predefined text or pick-list field of the type
 * @param values the values of that field that share a record with every viewer; empty for none
 * @param othersVisible whether the current caller sees the records without one of those values (within their owner
 *     visibility); false hides them from the caller whoever owns them
 * @since record API 2.3
 */
public record SharedRows(String field, Set<String> values, boolean othersVisible) {
    /** Checks the parts and copies the values. */
    public SharedRows {
        Objects.requireNonNull(field, "field");
        values = Set.copyOf(values);
    }
}
