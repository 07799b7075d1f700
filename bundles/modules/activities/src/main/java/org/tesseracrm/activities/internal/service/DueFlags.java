package org.tesseracrm.activities.internal.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.RowDecoration.Mark;

/**
 * The colour of what is due (R-ACT-3): red when due or overdue, yellow when due within the "due soon"
 * window, green when there is plenty of time.
 *
 * @param dueSoon how long before its due time an activity turns yellow
 */
record DueFlags(Duration dueSoon) {
    /**
     * @param due when the earliest open activity is due; empty for none
     * @param now the current time
     * @return the flag, none without an open activity
     */
    Optional<Mark> flag(Optional<Instant> due, Instant now) {
        return due.map(at -> {
            Duration left = Duration.between(now, at);
            if (left.isNegative() || left.isZero()) {
                long late = left.negated().toDays();
                return new Mark(late == 0 ? "Due" : "Overdue " + late + " d", "error",
                        late == 0 ? "An activity is due now." : "An activity is " + late + " day(s) late.");
            }
            if (left.compareTo(dueSoon) <= 0) {
                return new Mark("Due soon", "warning", "An activity is due in " + words(left) + ".");
            }
            return new Mark("Due in " + words(left), "success", "The next activity is due in " + words(left) + ".");
        });
    }

    private static String words(Duration left) {
        if (left.toHours() < 1) {
            return Math.max(1, left.toMinutes()) + " min";
        }
        return left.toDays() < 2 ? left.toHours() + " h" : left.toDays() + " days";
    }
}
