package org.tesseracrm.reports.internal.engine;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

import org.tesseracrm.reports.api.Frequency;
import org.tesseracrm.reports.api.Period;

/** When a scheduled report is mailed next, and the period a run covers. */
public final class Schedules {
    /** The local time of day schedules run at. */
    public static final LocalTime AT = LocalTime.of(6, 0);

    private Schedules() {
    }

    /**
     * @param frequency how often (not NONE)
     * @param now now
     * @param zone the owner's time zone
     * @return the next run strictly after now: tomorrow at 06:00 (daily; today if it is not yet 06:00), next Monday
     *     at 06:00 (weekly), the first of next month at 06:00 (monthly), local time
     */
    public static Instant next(Frequency frequency, Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalDate today = local.toLocalDate();
        LocalDate day = switch (frequency) {
            case DAILY -> today;
            case WEEKLY -> today.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> today.withDayOfMonth(1);
            case NONE -> throw new IllegalArgumentException("a schedule of NONE never runs");
        };
        ZonedDateTime run = day.atTime(AT).atZone(zone);
        while (!run.toInstant().isAfter(now)) {
            day = switch (frequency) {
                case DAILY -> day.plusDays(1);
                case WEEKLY -> day.plusWeeks(1);
                default -> day.plusMonths(1);
            };
            run = day.atTime(AT).atZone(zone);
        }
        return run.toInstant();
    }

    /**
     * @param frequency how often
     * @param today the day of the run, in the owner's zone
     * @return the period that just ended: yesterday, last week (Monday to Sunday) or last month
     */
    public static Optional<Period> previous(Frequency frequency, LocalDate today) {
        return switch (frequency) {
            case DAILY -> Optional.of(new Period(today.minusDays(1), today.minusDays(1)));
            case WEEKLY -> {
                LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
                yield Optional.of(new Period(monday, monday.plusDays(6)));
            }
            case MONTHLY -> {
                LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                yield Optional.of(new Period(first, first.with(TemporalAdjusters.lastDayOfMonth())));
            }
            case NONE -> Optional.empty();
        };
    }
}
