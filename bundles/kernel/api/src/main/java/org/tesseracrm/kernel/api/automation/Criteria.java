package org.tesseracrm.kernel.api.automation;

import java.util.List;
import java.util.Objects;

import org.tesseracrm.kernel.api.record.Filter;

/**
 * Which records a rule acts on: all or any of conditions on predefined and custom fields. A condition is a list
 * view's {@link Filter}, with its operators ({@link org.tesseracrm.kernel.api.record.FilterOp}) and its values as
 * text, so the same conditions can select records in the database (a schedule over a saved list view) and be
 * checked on one record in memory (a rule on a record event); both answer alike.
 *
 * <p>On top of the list's values, a condition on a date or date-time field may use a <b>relative date</b> as a
 * value: {@code today}, {@code now}, or either followed by a signed {@link TimeSpan} without space, e.g.
 * {@code today-90days}, {@code today+1month}, {@code now-2hours}. The engine turns it into a plain value at the
 * moment it evaluates ({@code today} in the company's time zone), so {@code lastContact BETWEEN ["", "today-90days"]}
 * means "no contact in the last 90 days" whenever it runs.
 *
 * @param match whether every condition or one of them must hold
 * @param conditions the conditions; none means every record
 */
public record Criteria(Match match, List<Filter> conditions) {
    /** How the conditions combine. */
    public enum Match {
        /** Every condition holds (and no conditions means every record). */
        ALL,
        /** At least one condition holds (and no conditions means every record). */
        ANY
    }

    /** Checks the parts are present. */
    public Criteria {
        Objects.requireNonNull(match, "match");
        conditions = List.copyOf(conditions);
    }

    /** @return criteria every record meets */
    public static Criteria none() {
        return new Criteria(Match.ALL, List.of());
    }

    /**
     * @param conditions conditions that must all hold
     * @return the criteria
     */
    public static Criteria all(Filter... conditions) {
        return new Criteria(Match.ALL, List.of(conditions));
    }

    /**
     * @param conditions conditions of which one must hold
     * @return the criteria
     */
    public static Criteria any(Filter... conditions) {
        return new Criteria(Match.ANY, List.of(conditions));
    }
}
