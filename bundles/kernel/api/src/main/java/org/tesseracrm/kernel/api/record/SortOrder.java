package org.tesseracrm.kernel.api.record;

import java.util.Objects;

/**
 * One sort key of a list query.
 *
 * @param field a sortable field name of the record type
 * @param ascending true for A→Z
 */
public record SortOrder(String field, boolean ascending) {
    /** Checks the field is named. */
    public SortOrder {
        Objects.requireNonNull(field, "field");
    }
}
