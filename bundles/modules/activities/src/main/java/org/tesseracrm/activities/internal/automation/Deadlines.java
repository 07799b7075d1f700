package org.tesseracrm.activities.internal.automation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.BusinessHours;
import org.tesseracrm.kernel.api.automation.TimeSpan;

/**
 * The deadlines of an activity a rule creates (the seed's action dialog): due "complete within" a time span after
 * the trigger, at least {@link #MINIMUM}; the assignee notified a chosen time before that; late when not completed
 * by then.
 *
 * <p>Minutes and hours are elapsed time; days, weeks and months are calendar units in the time zone (a day across a
 * clock change is 23 or 25 hours, a month from 31 January ends on the last day of February), as
 * {@link TimeSpan#addTo} counts. With {@link BusinessHours} ("respect the company's business hours"), minutes and
 * hours count business time only (2 hours from Friday 16:00 on a 09:00-17:00 week is Monday 10:00), and a due time
 * in days, weeks or months that falls outside business hours moves to the next opening (1 day from Friday 16:00 is
 * Monday 09:00); calendar units are then counted in the calendar's zone. The notification is plain clock time
 * before the due time, never before the activity exists.
 */
final class Deadlines {
    /** The shortest "complete within" the dialog accepts. */
    static final Duration MINIMUM = Duration.ofMinutes(30);

    private Deadlines() {
    }

    /**
     * When an activity is due, and when its assignee hears of it.
     *
     * @param due when it must be completed
     * @param notifyAt when the assignee is notified; empty for no notification
     */
    record Deadline(Instant due, Optional<Instant> notifyAt) {
    }

    /**
     * @param start when the trigger happened (the activity's creation)
     * @param within the "complete within"
     * @param notifyBefore how long before the due time to notify; empty for no notification
     * @param zone the zone calendar units count in when there are no business hours
     * @param hours business hours to respect, or empty
     * @return the deadline
     * @throws ValidationException naming {@code completeWithin} when it is under {@link #MINIMUM}
     */
    static Deadline of(Instant start, TimeSpan within, Optional<TimeSpan> notifyBefore, ZoneId zone,
            Optional<BusinessHours> hours) {
        checkMinimum(within);
        Instant due = hours.map(h -> businessDue(start, within, h))
                .orElseGet(() -> within.addTo(start.atZone(zone)).toInstant());
        ZoneId dueZone = hours.map(BusinessHours::zone).orElse(zone);
        Optional<Instant> notifyAt = notifyBefore.map(before -> before.subtractFrom(due.atZone(dueZone)).toInstant())
                .map(at -> at.isBefore(start) ? start : at);
        return new Deadline(due, notifyAt);
    }

    /**
     * @param within a "complete within"
     * @throws ValidationException naming {@code completeWithin} when it is under {@link #MINIMUM}
     */
    static void checkMinimum(TimeSpan within) {
        boolean shortUnit = within.unit() == TimeSpan.Unit.MINUTES;
        if (shortUnit ? within.amount() < MINIMUM.toMinutes() : within.amount() < 1) {
            throw new ValidationException(List.of(new FieldError("completeWithin",
                    "Complete within at least 30 minutes (was " + within + ")")));
        }
    }

    /**
     * @param due the activity's due time
     * @param completedAt when it was completed, or empty while open
     * @param now the moment of the question
     * @return whether the activity is late: completed after its due time, or still open after it
     */
    static boolean late(Instant due, Optional<Instant> completedAt, Instant now) {
        return completedAt.orElse(now).isAfter(due);
    }

    private static Instant businessDue(Instant start, TimeSpan within, BusinessHours hours) {
        return switch (within.unit()) {
            case MINUTES, HOURS -> hours.plus(start, Duration.between(start, within.addTo(start.atZone(hours.zone()))));
            case DAYS, WEEKS, MONTHS -> hours.nextOpening(within.addTo(start.atZone(hours.zone())).toInstant());
        };
    }
}
