package org.tesseracrm.kernel.api.record;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One group of an aggregate ({@link Records#aggregate}): the values of its groupings and its figures.
 *
 * @param keys one per grouping, the raw value the group's records hold: a pick-list value, a user name, a looked-up
 *     record's id as text, a date bucket's first day as ISO {@code yyyy-MM-dd}, {@code true}/{@code false}, a number
 *     as plain text; empty for the records without a value ("no value")
 * @param labels one per grouping, what users read: a pick-list value's label, a user's name, a looked-up record's
 *     title as {@link Records#shownTitles} gives it, a bucket as {@code 2026-03-05}, {@code 2026-W05},
 *     {@code 2026-03}, {@code Q1 2026} or {@code 2026}; {@value #NONE} for no value
 * @param values one per measure, in the order asked for: counts, sums, averages; a MIN or MAX of a
 *     {@link FieldType#DATE} field as epoch days, of a {@link FieldType#DATE_TIME} field as epoch milliseconds (UTC);
 *     null where there is nothing to compute (an average, minimum or maximum over no value)
 * @since 2.4
 */
public record AggregateRow(List<Optional<String>> keys, List<String> labels, List<BigDecimal> values) {
    /** The label of "no value". */
    public static final String NONE = "(none)";

    /** Checks the parts are present and keeps unmodifiable copies (values may hold nulls). */
    public AggregateRow {
        keys = List.copyOf(keys);
        labels = List.copyOf(labels);
        values = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(values, "values")));
        if (keys.size() != labels.size()) {
            throw new IllegalArgumentException("one label per key");
        }
    }

    /**
     * @param measure the index of a measure
     * @return its value, zero where there is none
     */
    public BigDecimal value(int measure) {
        BigDecimal value = values.get(measure);
        return value == null ? BigDecimal.ZERO : value;
    }
}
