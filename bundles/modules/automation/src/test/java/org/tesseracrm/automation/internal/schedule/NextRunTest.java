package org.tesseracrm.automation.internal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.automation.api.Schedule;
import org.tesseracrm.automation.api.Schedule.Frequency;

class NextRunTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    private static Schedule schedule(Frequency frequency, LocalTime time, DayOfWeek day, int dayOfMonth,
            LocalDate date) {
        return new Schedule(1, "s", "contact", "admin", "v", List.of(), frequency, Optional.ofNullable(date), time,
                Optional.ofNullable(day), dayOfMonth, MADRID, List.of(), true, Optional.empty());
    }

    private static Instant madrid(String local) {
        return java.time.LocalDateTime.parse(local).atZone(MADRID).toInstant();
    }

    @Test
    void dailyLaterTodayOrTomorrow() {
        Schedule daily = schedule(Frequency.DAILY, LocalTime.of(8, 0), null, 0, null);
        assertEquals(madrid("2026-03-10T08:00"), NextRun.after(daily, madrid("2026-03-10T07:59")).orElseThrow());
        // exactly at the time (the run that just fired): the next day
        assertEquals(madrid("2026-03-11T08:00"), NextRun.after(daily, madrid("2026-03-10T08:00")).orElseThrow());
    }

    @Test
    void weeklyOnMondayAtEight() {
        Schedule monday = schedule(Frequency.WEEKLY, LocalTime.of(8, 0), DayOfWeek.MONDAY, 0, null);
        // Sunday 6 Dec 2026 -> Monday 7 Dec
        assertEquals(madrid("2026-12-07T08:00"), NextRun.after(monday, madrid("2026-12-06T20:00")).orElseThrow());
        // Monday after 08:00 -> next Monday
        assertEquals(madrid("2026-12-14T08:00"), NextRun.after(monday, madrid("2026-12-07T08:00")).orElseThrow());
    }

    @Test
    void acrossClockChanges() {
        // 29 March 2026: Madrid goes from 02:00 to 03:00; 02:30 does not exist that night and runs at 03:30
        Schedule night = schedule(Frequency.DAILY, LocalTime.of(2, 30), null, 0, null);
        Instant spring = NextRun.after(night, madrid("2026-03-28T12:00")).orElseThrow();
        assertEquals(ZonedDateTime.of(2026, 3, 29, 3, 30, 0, 0, MADRID).toInstant(), spring);
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), spring);
        // the day after, 02:30 again
        assertEquals(Instant.parse("2026-03-30T00:30:00Z"), NextRun.after(night, spring).orElseThrow());
        // 25 October 2026: 02:30 happens twice; the run is at the first (summer time, UTC+2)
        Schedule autumn = schedule(Frequency.DAILY, LocalTime.of(2, 30), null, 0, null);
        Instant twice = NextRun.after(autumn, Instant.parse("2026-10-24T12:00:00Z")).orElseThrow();
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), twice);
        // and not again an hour later on the same day
        assertEquals(Instant.parse("2026-10-26T01:30:00Z"), NextRun.after(autumn, twice).orElseThrow());
        // a weekly 08:00 keeps local time across the change: 23 hours between two runs of that week
        Schedule sunday = schedule(Frequency.WEEKLY, LocalTime.of(8, 0), DayOfWeek.SUNDAY, 0, null);
        assertEquals(Instant.parse("2026-03-29T06:00:00Z"),
                NextRun.after(sunday, Instant.parse("2026-03-22T07:00:00Z")).orElseThrow());
    }

    @Test
    void monthlyOnADayPastTheMonthEndRunsOnItsLastDay() {
        Schedule last = schedule(Frequency.MONTHLY, LocalTime.of(9, 0), null, 31, null);
        Instant jan = NextRun.after(last, madrid("2027-01-15T00:00")).orElseThrow();
        assertEquals(madrid("2027-01-31T09:00"), jan);
        Instant feb = NextRun.after(last, jan).orElseThrow();
        assertEquals(madrid("2027-02-28T09:00"), feb);
        Instant mar = NextRun.after(last, feb).orElseThrow();
        assertEquals(madrid("2027-03-31T09:00"), mar);
        assertEquals(madrid("2028-02-29T09:00"), NextRun.after(last, madrid("2028-02-10T00:00")).orElseThrow());
        Schedule fifteenth = schedule(Frequency.MONTHLY, LocalTime.of(9, 0), null, 15, null);
        // December to January across the year
        assertEquals(madrid("2027-01-15T09:00"), NextRun.after(fifteenth, madrid("2026-12-15T09:00")).orElseThrow());
    }

    @Test
    void onceRunsOnceAndThenNoMore() {
        Schedule once = schedule(Frequency.ONCE, LocalTime.of(17, 0), null, 0, LocalDate.of(2026, 12, 24));
        Instant at = NextRun.after(once, madrid("2026-12-06T10:00")).orElseThrow();
        assertEquals(madrid("2026-12-24T17:00"), at);
        assertTrue(NextRun.after(once, at).isEmpty());
    }
}
