package org.tesseracrm.kernel.api.record;

import java.util.Objects;
import java.util.Optional;

/**
 * One figure an aggregate ({@link Records#aggregate}) computes for every group.
 *
 * @param aggregate what is computed
 * @param field the field it is computed over: a {@link FieldType#NUMBER} or {@link FieldType#MONEY} field for
 *     {@link Aggregate#SUM} and {@link Aggregate#AVG}, also a {@link FieldType#DATE} or {@link FieldType#DATE_TIME}
 *     field for {@link Aggregate#MIN} and {@link Aggregate#MAX}; empty for {@link Aggregate#COUNT} of records (with a
 *     field, COUNT counts the records holding a value of it). Fields of looked-up records
 *     ({@code lookupField.targetField}) are allowed as in {@link Grouping}
 * @since 2.4
 */
public record Measure(Aggregate aggregate, Optional<String> field) {
    /** Checks the parts are present and that only COUNT goes without a field. */
    public Measure {
        Objects.requireNonNull(aggregate, "aggregate");
        Objects.requireNonNull(field, "field");
        if (field.isEmpty() && aggregate != Aggregate.COUNT) {
            throw new IllegalArgumentException(aggregate + " needs a field");
        }
    }

    /** @return the number of records of each group */
    public static Measure count() {
        return new Measure(Aggregate.COUNT, Optional.empty());
    }

    /**
     * @param aggregate what is computed
     * @param field the field it is computed over
     * @return the measure
     */
    public static Measure of(Aggregate aggregate, String field) {
        return new Measure(aggregate, Optional.of(field));
    }
}
