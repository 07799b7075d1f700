package org.tesseracrm.activities.internal.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.BusinessHours;
import org.tesseracrm.kernel.api.automation.TimeSpan;

class DeadlinesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessHours OFFICE = new OfficeHours(BERLIN, Set.of(LocalDate.of(2026, 12, 25)));

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static Deadlines.Deadline plain(String start, String within, String notifyBefore) {
        return Deadlines.of(berlin(start), TimeSpan.parse(within), Optional.ofNullable(notifyBefore)
                .map(TimeSpan::parse), BERLIN, Optional.empty());
    }

    private static Instant business(String start, String within) {
        return Deadlines.of(berlin(start), TimeSpan.parse(within), Optional.empty(), BERLIN, Optional.of(OFFICE))
                .due();
    }

    @Test
    void completeWithinCountsEveryUnitOnTheClockAndCalendar() {
        assertEquals(berlin("2026-12-04T16:30"), plain("2026-12-04T16:00", "30 minutes", null).due());
        assertEquals(berlin("2026-12-05T04:00"), plain("2026-12-04T16:00", "12 hours", null).due());
        assertEquals(berlin("2026-12-07T16:00"), plain("2026-12-04T16:00", "3 days", null).due());
        assertEquals(berlin("2026-12-18T16:00"), plain("2026-12-04T16:00", "2 weeks", null).due());
        // the seed's "recover lead" in 3 months; a month from 30 November ends on the last day of February
        assertEquals(berlin("2027-03-04T16:00"), plain("2026-12-04T16:00", "3 months", null).due());
        assertEquals(berlin("2027-02-28T10:00"), plain("2026-11-30T10:00", "3 months", null).due());
    }

    @Test
    void calendarDaysKeepTheWallTimeAcrossAClockChangeAndHoursDoNot() {
        // Berlin moves to summer time on Sunday 29 March 2026
        assertEquals(berlin("2026-03-29T10:00"), plain("2026-03-28T10:00", "1 day", null).due());
        assertEquals(berlin("2026-03-29T11:00"), plain("2026-03-28T10:00", "24 hours", null).due());
    }

    @Test
    void refusesLessThanThirtyMinutes() {
        for (String within : new String[] {"29 minutes", "0 hours", "0 days", "0 months"}) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> plain("2026-12-04T16:00", within, null));
            assertEquals("completeWithin", e.errors().get(0).field());
            assertEquals("Complete within at least 30 minutes (was " + within + ")", e.errors().get(0).message());
        }
    }

    @Test
    void notifiesTheChosenTimeBeforeDueButNeverBeforeTheActivityExists() {
        Deadlines.Deadline d = plain("2026-12-04T16:00", "2 hours", "30 minutes");
        assertEquals(berlin("2026-12-04T17:30"), d.notifyAt().orElseThrow());
        assertEquals(berlin("2026-12-10T16:00"), plain("2026-12-04T16:00", "1 week", "1 day").notifyAt()
                .orElseThrow());
        assertEquals(berlin("2026-12-04T16:00"), plain("2026-12-04T16:00", "1 hours", "3 hours").notifyAt()
                .orElseThrow());
        assertEquals(berlin("2026-12-04T18:00"), plain("2026-12-04T16:00", "2 hours", "0 minutes").notifyAt()
                .orElseThrow());
        assertTrue(plain("2026-12-04T16:00", "2 hours", null).notifyAt().isEmpty());
    }

    @Test
    void businessHoursShiftTheDueTimePastTheWeekendAndHolidays() {
        // Friday 4 December 16:00: 2 business hours end on Monday at 10:00
        assertEquals(berlin("2026-12-07T10:00"), business("2026-12-04T16:00", "2 hours"));
        assertEquals(berlin("2026-12-04T16:30"), business("2026-12-04T16:00", "30 minutes"));
        // an amount ending at closing time is due at closing time
        assertEquals(berlin("2026-12-04T17:00"), business("2026-12-04T16:00", "60 minutes"));
        // created on Saturday night: counting starts at Monday's opening
        assertEquals(berlin("2026-12-07T09:45"), business("2026-12-05T22:00", "45 minutes"));
        // a day from Friday 16:00 is Saturday 16:00, closed: Monday's opening
        assertEquals(berlin("2026-12-07T09:00"), business("2026-12-04T16:00", "1 day"));
        // a due date on a working day within hours stays
        assertEquals(berlin("2026-12-08T11:00"), business("2026-12-07T11:00", "1 day"));
        // Thursday 24 December 16:00 plus a day is Christmas, a holiday: Monday 28th 09:00
        assertEquals(berlin("2026-12-28T09:00"), business("2026-12-24T16:00", "1 day"));
        assertEquals(berlin("2026-12-28T10:30"), business("2026-12-24T16:30", "2 hours"));
    }

    @Test
    void lateWhenCompletedAfterDueOrStillOpenAfterIt() {
        Instant due = berlin("2026-12-07T10:00");
        assertFalse(Deadlines.late(due, Optional.empty(), berlin("2026-12-07T10:00")));
        assertTrue(Deadlines.late(due, Optional.empty(), berlin("2026-12-07T10:01")));
        assertFalse(Deadlines.late(due, Optional.of(berlin("2026-12-07T09:59")), berlin("2026-12-09T10:00")));
        assertTrue(Deadlines.late(due, Optional.of(berlin("2026-12-07T10:01")), berlin("2026-12-09T10:00")));
    }
}
