package org.tesseracrm.automation.internal.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

import org.tesseracrm.automation.api.Schedule;

/**
 * When a schedule runs next, in its zone: a local date and time that a clock change skips runs at the same time
 * after the change (02:30 on the spring-forward night is 03:30), one the clock passes twice runs at the first; a
 * monthly day past a month's end runs on its last day (the 31st in February is the 28th or 29th).
 */
final class NextRun {
    private NextRun() {
    }

    /**
     * @param schedule the schedule
     * @param after the moment the run must be later than (now, or the run that just fired)
     * @return the first run strictly after {@code after}; empty for a one-time schedule whose time has passed
     */
    static Optional<Instant> after(Schedule schedule, Instant after) {
        ZonedDateTime now = after.atZone(schedule.zone());
        LocalDate day = now.toLocalDate();
        switch (schedule.frequency()) {
            case ONCE -> {
                Instant at = at(schedule, schedule.date().orElseThrow());
                return at.isAfter(after) ? Optional.of(at) : Optional.empty();
            }
            case DAILY -> {
                Instant at = at(schedule, day);
                return Optional.of(at.isAfter(after) ? at : at(schedule, day.plusDays(1)));
            }
            case WEEKLY -> {
                LocalDate first = day.with(TemporalAdjusters.nextOrSame(schedule.dayOfWeek().orElseThrow()));
                Instant at = at(schedule, first);
                return Optional.of(at.isAfter(after) ? at : at(schedule, first.plusWeeks(1)));
            }
            case MONTHLY -> {
                Instant at = at(schedule, dayOfMonth(day, schedule.dayOfMonth()));
                return Optional.of(at.isAfter(after) ? at
                        : at(schedule, dayOfMonth(day.withDayOfMonth(1).plusMonths(1), schedule.dayOfMonth())));
            }
            default -> throw new IllegalStateException(schedule.frequency().name());
        }
    }

    /** @return the day of the month of {@code month}, or its last day when the month is shorter */
    static LocalDate dayOfMonth(LocalDate month, int day) {
        return month.withDayOfMonth(Math.min(day, month.lengthOfMonth()));
    }

    private static Instant at(Schedule schedule, LocalDate day) {
        return ZonedDateTime.of(day, schedule.time(), schedule.zone()).toInstant();
    }
}
