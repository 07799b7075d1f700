package org.tesseracrm.reports.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.reports.api.Frequency;
import org.tesseracrm.reports.api.Period;

/** Next runs at 06:00 local time and the period a run covers. */
class SchedulesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void nextRuns() {
        Instant wednesdayEarly = Instant.parse("2026-12-02T04:00:00Z"); // 05:00 in Berlin
        assertEquals(Instant.parse("2026-12-02T05:00:00Z"), Schedules.next(Frequency.DAILY, wednesdayEarly, BERLIN));
        Instant wednesdayNoon = Instant.parse("2026-12-02T11:00:00Z");
        assertEquals(Instant.parse("2026-12-03T05:00:00Z"), Schedules.next(Frequency.DAILY, wednesdayNoon, BERLIN));
        assertEquals(Instant.parse("2026-12-07T05:00:00Z"), Schedules.next(Frequency.WEEKLY, wednesdayNoon, BERLIN));
        assertEquals(Instant.parse("2027-01-01T05:00:00Z"), Schedules.next(Frequency.MONTHLY, wednesdayNoon, BERLIN));
        Instant mondayAtSix = Instant.parse("2026-12-07T05:00:00Z");
        assertEquals(Instant.parse("2026-12-08T05:00:00Z"), Schedules.next(Frequency.DAILY, mondayAtSix, BERLIN),
                "strictly after");
        assertEquals(Instant.parse("2026-12-14T05:00:00Z"), Schedules.next(Frequency.WEEKLY, mondayAtSix, BERLIN));
    }

    @Test
    void aRunCoversThePeriodThatJustEnded() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        assertEquals(Optional.of(new Period(LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 6))),
                Schedules.previous(Frequency.DAILY, monday));
        assertEquals(Optional.of(new Period(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 6))),
                Schedules.previous(Frequency.WEEKLY, monday));
        assertEquals(Optional.of(new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30))),
                Schedules.previous(Frequency.MONTHLY, LocalDate.of(2026, 12, 1)));
    }

    @Test
    void fileNamesAreSafe() {
        assertEquals("won-by-month-q1.xlsx", ReportFiles.fileName("Won by month / Q1", ExportFormat.XLSX));
        assertEquals("report.csv", ReportFiles.fileName("../..", ExportFormat.CSV));
    }
}
