package org.tesseracrm.reports.internal.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.internal.dashboard.DashboardPeriod.Choice;

class DashboardPeriodTest {
    private static Period of(Choice choice, String today) {
        return DashboardPeriod.of(choice).resolve(LocalDate.parse(today)).orElseThrow();
    }

    private static Period days(String from, String to) {
        return new Period(LocalDate.parse(from), LocalDate.parse(to));
    }

    @Test
    void thisMonthEndsOnItsLastDayInLeapAndOtherYears() {
        assertEquals(days("2026-02-01", "2026-02-28"), of(Choice.THIS_MONTH, "2026-02-28"));
        assertEquals(days("2028-02-01", "2028-02-29"), of(Choice.THIS_MONTH, "2028-02-01"));
        assertEquals(days("2026-12-01", "2026-12-31"), of(Choice.THIS_MONTH, "2026-12-31"));
    }

    @Test
    void lastMonthCrossesTheYearAndShortMonths() {
        assertEquals(days("2025-12-01", "2025-12-31"), of(Choice.LAST_MONTH, "2026-01-01"));
        assertEquals(days("2026-02-01", "2026-02-28"), of(Choice.LAST_MONTH, "2026-03-31"));
        assertEquals(days("2028-02-01", "2028-02-29"), of(Choice.LAST_MONTH, "2028-03-15"));
    }

    @Test
    void thisQuarterAtItsFirstAndLastDays() {
        assertEquals(days("2026-01-01", "2026-03-31"), of(Choice.THIS_QUARTER, "2026-03-31"));
        assertEquals(days("2026-04-01", "2026-06-30"), of(Choice.THIS_QUARTER, "2026-04-01"));
        assertEquals(days("2026-07-01", "2026-09-30"), of(Choice.THIS_QUARTER, "2026-09-30"));
        assertEquals(days("2026-10-01", "2026-12-31"), of(Choice.THIS_QUARTER, "2026-12-31"));
    }

    @Test
    void thisYearOnItsFirstAndLastDay() {
        assertEquals(days("2026-01-01", "2026-12-31"), of(Choice.THIS_YEAR, "2026-01-01"));
        assertEquals(days("2026-01-01", "2026-12-31"), of(Choice.THIS_YEAR, "2026-12-31"));
    }

    @Test
    void allTimeHasNoPeriodAndACustomOneIsFixed() {
        assertEquals(Optional.empty(), DashboardPeriod.ALL.resolve(LocalDate.parse("2026-05-05")));
        assertEquals(Optional.of(days("2026-01-10", "2026-01-10")),
                DashboardPeriod.custom(LocalDate.parse("2026-01-10"), LocalDate.parse("2026-01-10"))
                        .resolve(LocalDate.parse("2030-01-01")));
    }

    @Test
    void aCustomPeriodNeedsBothDaysInOrder() {
        assertThrows(IllegalArgumentException.class,
                () -> DashboardPeriod.custom(LocalDate.parse("2026-02-02"), LocalDate.parse("2026-02-01")));
        assertThrows(IllegalArgumentException.class,
                () -> new DashboardPeriod(Choice.CUSTOM, Optional.of(LocalDate.parse("2026-02-02")), Optional.empty()));
        assertEquals(Optional.empty(), new DashboardPeriod(Choice.THIS_MONTH, Optional.of(LocalDate.parse("2026-02-02")),
                Optional.empty()).from(), "a relative period keeps no days");
    }
}
