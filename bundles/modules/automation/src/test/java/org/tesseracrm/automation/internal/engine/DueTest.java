package org.tesseracrm.automation.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.automation.TimeSpan;

class DueTest {
    private static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aMeetingsStartMinus120MinutesIsTwoHoursBeforeInUtc() {
        // date-times are stored in UTC: 15:00 UTC
        assertEquals(Instant.parse("2026-12-07T13:00:00Z"), Due.dateReached(LocalDateTime.parse("2026-12-07T15:00"),
                TimeSpan.parse("120 minutes"), true, BOGOTA).orElseThrow());
        assertEquals(Instant.parse("2026-12-07T16:00:00Z"), Due.dateReached(LocalDateTime.parse("2026-12-07T15:00"),
                TimeSpan.parse("1 hour"), false, BOGOTA).orElseThrow());
    }

    @Test
    void aDateIsItsStartOfDayInTheCompanyZoneAndDaysAreCalendarDays() {
        // 3 days before 10 December, midnight in Bogotá (UTC-5)
        assertEquals(Instant.parse("2026-12-07T05:00:00Z"), Due.dateReached(LocalDate.parse("2026-12-10"),
                TimeSpan.parse("3 days"), true, BOGOTA).orElseThrow());
        // a day across the spring clock change in Berlin is 23 hours
        assertEquals(Instant.parse("2026-03-28T23:00:00Z"), Due.dateReached(LocalDate.parse("2026-03-28"),
                TimeSpan.parse("1 day"), false, BERLIN).orElseThrow());
        assertEquals(Instant.parse("2026-03-29T22:00:00Z"), Due.plus(Instant.parse("2026-03-28T23:00:00Z"),
                TimeSpan.parse("1 day"), BERLIN, 1));
        // a month from 31 January ends on the last day of February
        assertEquals(Instant.parse("2026-02-28T10:00:00Z"), Due.plus(Instant.parse("2026-01-31T10:00:00Z"),
                TimeSpan.parse("1 month"), ZoneId.of("UTC"), 1));
    }

    @Test
    void noDateNoTime() {
        assertTrue(Due.dateReached(null, TimeSpan.parse("1 day"), true, BOGOTA).isEmpty());
        assertTrue(Due.dateReached("2026-12-10", TimeSpan.parse("1 day"), true, BOGOTA).isEmpty());
    }
}
