package org.tesseracrm.kernel.api.record;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One group of a list grouped by a single-choice field ({@link Records#groups}), such as a column of a board: the
 * value the group's records hold, how many records match, and the totals of some number fields over them.
 *
 * @param value the grouping field's value (a pick-list value, a user name); empty for the records without one
 * @param count the number of matching records the caller sees that hold the value
 * @param sums by field name, the sum of each summed field over those records (records without a value count as
 *     nothing; zero for an empty group), in the order the fields were asked for
 * @since 2.1
 */
public record RecordGroup(Optional<String> value, long count, Map<String, BigDecimal> sums) {
    /** Checks the parts are present and keeps an unmodifiable copy of the sums in their order. */
    public RecordGroup {
        Objects.requireNonNull(value, "value");
        sums = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sums));
    }

    /** @return the sum of one summed field, zero if it was not summed */
    public BigDecimal sum(String field) {
        return sums.getOrDefault(field, BigDecimal.ZERO);
    }
}
