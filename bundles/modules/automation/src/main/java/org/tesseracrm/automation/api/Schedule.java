package org.tesseracrm.automation.api;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.record.Filter;

/**
 * A schedule: actions run at a time, once or again and again, for each record a shared saved list view selects,
 * e.g. every Monday at 08:00 a call task for each customer without contact in 90 days.
 *
 * @param id the schedule's id; 0 for one not yet saved
 * @param name a name for administrators, 1 to 100 characters
 * @param recordType the record type of the view
 * @param viewOwner the owner of the saved view
 * @param viewName the saved view's name; the view must be shared, as the schedule reads it as the system
 * @param conditions more list filters on the view's records, all of which must hold; values may be relative dates
 *     ({@code today-90days}), resolved at each run in the schedule's zone (saved views hold plain values only)
 * @param frequency how often it runs
 * @param date for {@link Frequency#ONCE}, the day; ignored otherwise
 * @param time the time of day of each run
 * @param dayOfWeek for {@link Frequency#WEEKLY}, the day; ignored otherwise
 * @param dayOfMonth for {@link Frequency#MONTHLY}, 1 to 31 (a shorter month runs on its last day); ignored otherwise
 * @param zone the time zone of the date and time
 * @param actions the actions run for each record, in order
 * @param active whether it runs
 * @param nextRun when it runs next; empty when it is off or ran its one time (as stored, ignored by save)
 */
public record Schedule(long id, String name, String recordType, String viewOwner, String viewName,
        List<Filter> conditions, Frequency frequency, Optional<LocalDate> date, LocalTime time,
        Optional<DayOfWeek> dayOfWeek, int dayOfMonth, ZoneId zone, List<RuleAction> actions, boolean active,
        Optional<Instant> nextRun) {
    /** How often a schedule runs. */
    public enum Frequency {
        /** Once, on its date at its time. */
        ONCE,
        /** Every day at its time. */
        DAILY,
        /** Every week on its day at its time. */
        WEEKLY,
        /** Every month on its day (or the month's last) at its time. */
        MONTHLY
    }

    /** Checks the parts are present and copies the lists. */
    public Schedule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(viewOwner, "viewOwner");
        Objects.requireNonNull(viewName, "viewName");
        conditions = List.copyOf(conditions);
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(dayOfWeek, "dayOfWeek");
        Objects.requireNonNull(zone, "zone");
        actions = List.copyOf(actions);
        Objects.requireNonNull(nextRun, "nextRun");
    }
}
