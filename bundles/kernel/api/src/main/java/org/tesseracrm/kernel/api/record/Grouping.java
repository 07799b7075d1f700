package org.tesseracrm.kernel.api.record;

import java.util.Objects;
import java.util.Optional;

/**
 * One level of an aggregate's grouping ({@link Records#aggregate}): a field whose values make the groups, and for a
 * date or date-time field, the period its values are counted in.
 *
 * @param field a field name of the record type, or {@code lookupField.targetField} for a field of the record a
 *     lookup field points at (one level deep), e.g. {@code company.industry}
 * @param bucket for a {@link FieldType#DATE} or {@link FieldType#DATE_TIME} field, the period (required there); empty
 *     for every other type
 * @since 2.4
 */
public record Grouping(String field, Optional<DateBucket> bucket) {
    /** Checks the parts are present. */
    public Grouping {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(bucket, "bucket");
    }

    /**
     * @param field a field name, not a date
     * @return the grouping by the field's values
     */
    public static Grouping by(String field) {
        return new Grouping(field, Optional.empty());
    }

    /**
     * @param field a date or date-time field name
     * @param bucket the period
     * @return the grouping by the periods the field's values fall in
     */
    public static Grouping by(String field, DateBucket bucket) {
        return new Grouping(field, Optional.of(bucket));
    }
}
