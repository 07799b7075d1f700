package org.tesseracrm.forecasts.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Period arithmetic: written forms, first and last days (leap years), neighbours, the period of a day. */
class ForecastPeriodTest {
    @Test
    void quartersHalfYearsAndMonthsStartAndEndOnTheRightDays() {
        ForecastPeriod q4 = ForecastPeriod.parse("2026-Q4");
        assertEquals(LocalDate.of(2026, 10, 1), q4.start());
        assertEquals(LocalDate.of(2026, 12, 31), q4.end());
        ForecastPeriod q1 = ForecastPeriod.parse("2026-q1");
        assertEquals(LocalDate.of(2026, 3, 31), q1.end());
        assertEquals(LocalDate.of(2026, 6, 30), ForecastPeriod.parse("2026-H1").end());
        assertEquals(LocalDate.of(2026, 7, 1), ForecastPeriod.parse("2026-H2").start());
        assertEquals(LocalDate.of(2028, 2, 29), ForecastPeriod.parse("2028-M02").end(), "leap year");
        assertEquals(LocalDate.of(2026, 2, 28), ForecastPeriod.parse("2026-02").end());
        assertEquals(LocalDate.of(2026, 12, 31), ForecastPeriod.parse("2026-M12").end());
    }

    @Test
    void writtenFormsRoundTripAndLabelsAreForPeople() {
        for (String text : new String[] {"2026-Q4", "2026-H1", "2026-M03", "2026-M11"}) {
            assertEquals(text, ForecastPeriod.parse(text).toString());
        }
        assertEquals("2026-M03", ForecastPeriod.parse("2026-3").toString());
        assertEquals("Q4 2026", ForecastPeriod.parse("2026-Q4").label());
        assertEquals("March 2026", ForecastPeriod.parse("2026-M03").label());
        assertEquals("H2 2026", ForecastPeriod.parse("2026-H2").label());
    }

    @Test
    void malformedOrOutOfRangePeriodsAreRefusedWithAMessage() {
        for (String text : new String[] {"2026-Q5", "2026-Q0", "2026-H3", "2026-M13", "2026", "Q4-2026", "", "26-Q1"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ForecastPeriod.parse(text), text);
            assertFalse(e.getMessage().isBlank());
        }
        assertThrows(IllegalArgumentException.class, () -> ForecastPeriod.parse(null));
        assertThrows(IllegalArgumentException.class, () -> new ForecastPeriod(PeriodType.QUARTER, 1899, 1));
    }

    @Test
    void neighboursCrossTheYearAndADayFallsInOnePeriodOfEachType() {
        assertEquals("2027-Q1", ForecastPeriod.parse("2026-Q4").next().toString());
        assertEquals("2025-H2", ForecastPeriod.parse("2026-H1").previous().toString());
        assertEquals("2025-M12", ForecastPeriod.parse("2026-M01").previous().toString());
        LocalDate day = LocalDate.of(2026, 9, 30);
        assertEquals("2026-Q3", ForecastPeriod.containing(PeriodType.QUARTER, day).toString());
        assertEquals("2026-H2", ForecastPeriod.containing(PeriodType.HALF_YEAR, day).toString());
        assertEquals("2026-M09", ForecastPeriod.containing(PeriodType.MONTH, day).toString());
        ForecastPeriod q3 = ForecastPeriod.parse("2026-Q3");
        assertTrue(q3.contains(LocalDate.of(2026, 7, 1)) && q3.contains(day));
        assertFalse(q3.contains(LocalDate.of(2026, 10, 1)) || q3.contains(LocalDate.of(2026, 6, 30)));
    }
}
