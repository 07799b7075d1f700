package org.tesseracrm.cases.internal.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.cases.internal.sla.BusinessCalendar.Span;

class BusinessCalendarTest {
    static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final BusinessCalendar STANDARD = BusinessCalendar.standard(MADRID);

    static Instant at(ZoneId zone, String local) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    static String local(ZoneId zone, Instant instant) {
        return instant.atZone(zone).toLocalDateTime().toString();
    }

    static BusinessCalendar every(ZoneId zone, String hours, LocalDate... holidays) {
        Map<DayOfWeek, List<Span>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, BusinessCalendar.parseHours(hours));
        }
        return new BusinessCalendar("Every day", zone, week, Set.of(holidays));
    }

    @Test
    void urgentCaseAtTenToFiveOnFridayIsDueMondayMorning() {
        // 2026-12-04 is a Friday; 40 minutes: 10 on Friday, 30 on Monday
        Instant due = STANDARD.plus(at(MADRID, "2026-12-04T16:50"), Duration.ofMinutes(40));
        assertEquals("2026-12-07T09:30", local(MADRID, due));
    }

    @Test
    void aMondayHolidayMovesItToTuesday() {
        BusinessCalendar withHoliday = new BusinessCalendar("Spain", MADRID, STANDARD.week(),
                Set.of(LocalDate.of(2026, 12, 7)));
        Instant due = withHoliday.plus(at(MADRID, "2026-12-04T16:50"), Duration.ofMinutes(40));
        assertEquals("2026-12-08T09:30", local(MADRID, due));
        assertEquals(Duration.ofMinutes(40), withHoliday.between(at(MADRID, "2026-12-04T16:50"), due));
        assertFalse(withHoliday.isOpen(at(MADRID, "2026-12-07T10:00")));
        assertTrue(withHoliday.isOpen(at(MADRID, "2026-12-08T10:00")));
    }

    @Test
    void overnightCarriesToTheNextMorning() {
        assertEquals("2026-12-02T10:00", local(MADRID, STANDARD.plus(at(MADRID, "2026-12-01T16:00"), Duration.ofHours(2))));
        // starting at night counts from the next opening
        assertEquals("2026-12-02T11:00", local(MADRID, STANDARD.plus(at(MADRID, "2026-12-01T22:00"), Duration.ofHours(2))));
        assertEquals("2026-12-02T11:00", local(MADRID, STANDARD.plus(at(MADRID, "2026-12-02T06:00"), Duration.ofHours(2))));
    }

    @Test
    void endingAtClosingTimeIsDueAtClosingTime() {
        assertEquals("2026-12-03T17:00", local(MADRID, STANDARD.plus(at(MADRID, "2026-12-03T16:00"), Duration.ofHours(1))));
        assertEquals("2026-12-03T17:00", local(MADRID, STANDARD.plus(at(MADRID, "2026-12-03T09:00"), Duration.ofHours(8))));
        assertEquals("2026-12-04T09:01", local(MADRID, STANDARD.plus(at(MADRID, "2026-12-03T09:00"),
                Duration.ofMinutes(481))));
    }

    @Test
    void weekendsAreSkippedBothWays() {
        // Saturday morning: counting starts Monday 09:00
        assertEquals("2026-12-07T13:00", local(MADRID, STANDARD.plus(at(MADRID, "2026-12-05T10:00"), Duration.ofHours(4))));
        // three business days from Wednesday noon: Monday noon
        assertEquals("2026-12-07T12:00", local(MADRID, STANDARD.plus(at(MADRID, "2026-12-02T12:00"), Duration.ofHours(24))));
        assertEquals(Duration.ofHours(24), STANDARD.between(at(MADRID, "2026-12-02T12:00"), at(MADRID, "2026-12-07T12:00")));
        assertEquals(Duration.ZERO, STANDARD.between(at(MADRID, "2026-12-05T08:00"), at(MADRID, "2026-12-06T20:00")));
    }

    @Test
    void splitHoursSkipTheLunchBreak() {
        BusinessCalendar split = new BusinessCalendar("Split", MADRID,
                Map.of(DayOfWeek.MONDAY, BusinessCalendar.parseHours("14:00-18:00, 09:00-13:00"),
                        DayOfWeek.TUESDAY, BusinessCalendar.parseHours("09:00-13:00,14:00-18:00")),
                Set.of());
        assertEquals("09:00-13:00, 14:00-18:00", split.hoursText(DayOfWeek.MONDAY));
        assertEquals("2026-12-07T14:30", local(MADRID, split.plus(at(MADRID, "2026-12-07T12:30"), Duration.ofMinutes(60))));
        // 30 minutes end exactly at the lunch break: due 13:00, not 14:00
        assertEquals("2026-12-07T13:00", local(MADRID, split.plus(at(MADRID, "2026-12-07T12:30"), Duration.ofMinutes(30))));
        assertEquals(Duration.ofMinutes(60), split.between(at(MADRID, "2026-12-07T12:30"), at(MADRID, "2026-12-07T14:30")));
        // Monday 17:00 + 2 h: 1 h on Monday, 1 h on Tuesday; then the next open day is the Monday after
        assertEquals("2026-12-08T10:00", local(MADRID, split.plus(at(MADRID, "2026-12-07T17:00"), Duration.ofHours(2))));
        assertEquals("2026-12-14T10:00", local(MADRID, split.plus(at(MADRID, "2026-12-08T17:00"), Duration.ofHours(2))));
        assertFalse(split.isOpen(at(MADRID, "2026-12-07T13:30")));
        assertEquals(Duration.ofHours(8), split.businessDay());
    }

    @Test
    void theCalendarsZoneDecidesNotTheServers() {
        BusinessCalendar tokyo = BusinessCalendar.standard(ZoneId.of("Asia/Tokyo"));
        // 2026-12-04T07:50Z is Friday 16:50 in Tokyo
        Instant due = tokyo.plus(Instant.parse("2026-12-04T07:50:00Z"), Duration.ofMinutes(40));
        assertEquals(Instant.parse("2026-12-07T00:30:00Z"), due);
        // the same instant is Friday 08:50 in Madrid: 40 minutes end at 09:40 the same day
        assertEquals("2026-12-04T09:40", local(MADRID, STANDARD.plus(Instant.parse("2026-12-04T07:50:00Z"),
                Duration.ofMinutes(40))));
    }

    @Test
    void springForwardInMadridShortensTheNight() {
        // 2026-03-29: clocks go from 02:00 to 03:00 in Madrid
        BusinessCalendar nights = every(MADRID, "00:00-06:00");
        assertEquals(Duration.ofHours(5), nights.between(at(MADRID, "2026-03-29T00:00"), at(MADRID, "2026-03-29T06:00")));
        assertEquals(Duration.ofHours(6), nights.between(at(MADRID, "2026-03-28T00:00"), at(MADRID, "2026-03-28T06:00")));
        // 5 hours from midnight end at 06:00 that day, not 05:00
        assertEquals("2026-03-29T06:00", local(MADRID, nights.plus(at(MADRID, "2026-03-29T00:00"), Duration.ofHours(5))));
        // round the clock: 24 business hours from Saturday noon are Sunday 13:00 on the clocks
        BusinessCalendar always = every(MADRID, "00:00-24:00");
        assertEquals("2026-03-29T13:00", local(MADRID, always.plus(at(MADRID, "2026-03-28T12:00"), Duration.ofHours(24))));
        assertEquals(Duration.ofHours(23), always.between(at(MADRID, "2026-03-29T00:00"), at(MADRID, "2026-03-30T00:00")));
    }

    @Test
    void springForwardInNewYorkKeepsOfficeHoursOnTheClock() {
        // 2026-03-08: clocks go from 02:00 to 03:00 in New York; Friday 12:00 + 8 business hours is Monday 12:00
        BusinessCalendar office = BusinessCalendar.standard(NEW_YORK);
        Instant from = at(NEW_YORK, "2026-03-06T12:00");
        Instant due = office.plus(from, Duration.ofHours(8));
        assertEquals("2026-03-09T12:00", local(NEW_YORK, due));
        assertEquals(Duration.ofHours(71), Duration.between(from, due));
        assertEquals(Duration.ofHours(8), office.between(from, due));
        // a span across the gap: 01:00-05:00 holds 3 hours that day
        BusinessCalendar early = every(NEW_YORK, "01:00-05:00");
        assertEquals(Duration.ofHours(3), early.between(at(NEW_YORK, "2026-03-08T00:00"), at(NEW_YORK, "2026-03-09T00:00")));
        assertEquals("2026-03-09T02:00", local(NEW_YORK, early.plus(at(NEW_YORK, "2026-03-08T04:00"), Duration.ofHours(2))));
        // a span starting inside the gap begins at 03:00
        BusinessCalendar gap = every(NEW_YORK, "02:30-04:00");
        assertEquals(Duration.ofHours(1), gap.between(at(NEW_YORK, "2026-03-08T00:00"), at(NEW_YORK, "2026-03-09T00:00")));
    }

    @Test
    void fallBackLengthensTheNight() {
        // 2026-10-25 in Madrid, 2026-11-01 in New York: 02:00/03:00 happens twice
        assertEquals(Duration.ofHours(7), every(MADRID, "00:00-06:00").between(at(MADRID, "2026-10-25T00:00"),
                at(MADRID, "2026-10-25T06:00")));
        assertEquals(Duration.ofHours(7), every(NEW_YORK, "00:00-06:00").between(at(NEW_YORK, "2026-11-01T00:00"),
                at(NEW_YORK, "2026-11-01T06:00")));
    }

    @Test
    void plusAndBetweenAgree() {
        BusinessCalendar split = new BusinessCalendar("Split", NEW_YORK, Map.of(
                DayOfWeek.MONDAY, BusinessCalendar.parseHours("09:00-13:00, 14:00-18:00"),
                DayOfWeek.WEDNESDAY, BusinessCalendar.parseHours("08:00-12:00"),
                DayOfWeek.SUNDAY, BusinessCalendar.parseHours("00:00-04:00")), Set.of(LocalDate.of(2026, 3, 11)));
        Instant from = at(NEW_YORK, "2026-03-01T03:17");
        for (int minutes = 0; minutes < 5000; minutes += 37) {
            Instant due = split.plus(from, Duration.ofMinutes(minutes));
            assertEquals(Duration.ofMinutes(minutes), split.between(from, due), "after " + minutes + " min");
        }
        assertEquals(Duration.ofMinutes(-40), STANDARD.between(at(MADRID, "2026-12-07T09:30"), at(MADRID, "2026-12-04T16:50")));
    }

    @Test
    void wrongInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> STANDARD.plus(Instant.EPOCH, Duration.ofMinutes(-1)));
        List<Span> overlapping = BusinessCalendar.parseHours("09:00-13:00, 12:00-18:00");
        assertThrows(IllegalArgumentException.class, () -> new BusinessCalendar("x", MADRID,
                Map.of(DayOfWeek.MONDAY, overlapping), Set.of()));
        // a night into Tuesday overlapping Tuesday's morning
        assertThrows(IllegalArgumentException.class, () -> new BusinessCalendar("x", MADRID,
                Map.of(DayOfWeek.MONDAY, BusinessCalendar.parseHours("22:00-08:00"),
                        DayOfWeek.TUESDAY, BusinessCalendar.parseHours("07:00-12:00")), Set.of()));
        // nothing after a night span on the same day
        assertThrows(IllegalArgumentException.class, () -> new BusinessCalendar("x", MADRID,
                Map.of(DayOfWeek.MONDAY, BusinessCalendar.parseHours("20:00-02:00, 23:00-23:30")), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> Span.parse("09:00-09:00"));
        assertThrows(IllegalArgumentException.class, () -> Span.parse("nine to five"));
        assertThrows(IllegalArgumentException.class, () -> new BusinessCalendar("Closed", MADRID, Map.of(), Set.of()));
        assertEquals("09:00-24:00", Span.parse("9:00 - 24:00").toString());
        assertEquals(Duration.ofHours(15), every(MADRID, "09:00-24:00").businessDay());
    }

    @Test
    void overnightHoursRunIntoTheNextDay() {
        // a night desk Monday to Friday 22:00-06:00 (the Friday night ends Saturday 06:00)
        Map<DayOfWeek, List<Span>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, BusinessCalendar.parseHours("22:00-06:00"));
        }
        BusinessCalendar nights = new BusinessCalendar("Nights", MADRID, week, Set.of(LocalDate.of(2026, 12, 8)));
        assertTrue(nights.week().get(DayOfWeek.MONDAY).get(0).overnight());
        assertEquals(Duration.ofHours(8), nights.businessDay());
        assertTrue(nights.isOpen(at(MADRID, "2026-12-08T03:00")), "Monday night runs into the Tuesday holiday");
        assertFalse(nights.isOpen(at(MADRID, "2026-12-08T23:00")), "the Tuesday night starts on the holiday");
        // Monday 05:00: nothing open (Sunday has no night), Monday 22:00 + 40 min
        assertEquals("2026-12-07T22:40", local(MADRID, nights.plus(at(MADRID, "2026-12-07T05:00"),
                Duration.ofMinutes(40))));
        // Tuesday 05:50 + 40 min: 10 min of Monday's night, Tuesday's night is a holiday, Wednesday 22:30
        assertEquals("2026-12-09T22:30", local(MADRID, nights.plus(at(MADRID, "2026-12-08T05:50"),
                Duration.ofMinutes(40))));
        // Friday 23:00 + 8 h: 7 h to Saturday 06:00, then Monday 22:00 + 1 h
        assertEquals("2026-12-14T23:00", local(MADRID, nights.plus(at(MADRID, "2026-12-11T23:00"), Duration.ofHours(8))));
        assertEquals(Duration.ofHours(8), nights.between(at(MADRID, "2026-12-11T23:00"), at(MADRID, "2026-12-14T23:00")));
        // several intervals with a night at the end: 08:00-12:00, 20:00-02:00
        BusinessCalendar mixed = every(MADRID, "08:00-12:00, 20:00-02:00");
        assertEquals(Duration.ofHours(10), mixed.businessDay());
        assertEquals("2026-12-02T01:30", local(MADRID, mixed.plus(at(MADRID, "2026-12-01T11:30"), Duration.ofHours(6))));
    }

    @Test
    void aNightSpanOnTheDayClocksGoBackHoldsAnHourMore() {
        // 2026-10-25 03:00 back to 02:00 in Madrid: Saturday's night 22:00-06:00 holds 9 hours
        BusinessCalendar nights = every(MADRID, "22:00-06:00");
        assertEquals(Duration.ofHours(9), nights.between(at(MADRID, "2026-10-24T22:00"), at(MADRID, "2026-10-25T06:00")));
        assertEquals("2026-10-25T05:00", local(MADRID, nights.plus(at(MADRID, "2026-10-24T22:00"), Duration.ofHours(8))));
    }

    @Test
    void resolutionTimesInBusinessDays() {
        assertEquals(Duration.ofMinutes(40), Resolution.parse("40m").businessTime(STANDARD));
        assertEquals(Duration.ofHours(4), Resolution.parse("4 hours").businessTime(STANDARD));
        assertEquals(Duration.ofHours(24), Resolution.parse("3 days").businessTime(STANDARD));
        assertEquals("1d", Resolution.parse("1 d").toString());
        Instant due = STANDARD.plus(at(MADRID, "2026-12-01T10:00"), Resolution.parse("1d").businessTime(STANDARD));
        assertEquals("2026-12-02T10:00", local(MADRID, due));
        assertThrows(IllegalArgumentException.class, () -> Resolution.parse("soon"));
        assertThrows(IllegalArgumentException.class, () -> Resolution.parse("0m"));
        assertThrows(IllegalArgumentException.class, () -> Resolution.parse("3 weeks"));
    }
}
