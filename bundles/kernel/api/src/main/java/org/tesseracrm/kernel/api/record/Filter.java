package org.tesseracrm.kernel.api.record;

import java.util.List;
import java.util.Objects;

/**
 * One condition of a list query. Values are text as users type them (numbers with a dot, dates as
 * {@code 2026-11-23}, date-times as {@code 2026-11-23T14:05}, booleans as {@code true}/{@code false});
 * the record platform parses them by the field's type and refuses what does not parse with a
 * message naming the field.
 *
 * @param field a field name of the record type, predefined or custom
 * @param op how to compare
 * @param values the operands: none, one, two (from, to; blank for open) or several
 */
public record Filter(String field, FilterOp op, List<String> values) {
    /** Checks the parts are present and the number of values fits the operator. */
    public Filter {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(op, "op");
        values = List.copyOf(values);
        int arity = op.arity();
        if (arity >= 0 ? values.size() != arity : values.isEmpty()) {
            throw new IllegalArgumentException(op + " takes " + (arity < 0 ? "one or more" : arity) + " values, got "
                    + values.size());
        }
    }

    /**
     * @param field a field name
     * @param op an operator taking one value
     * @param value the value
     * @return the filter
     */
    public static Filter of(String field, FilterOp op, String value) {
        return new Filter(field, op, List.of(value));
    }
}
