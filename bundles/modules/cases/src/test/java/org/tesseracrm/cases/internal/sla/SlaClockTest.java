package org.tesseracrm.cases.internal.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.cases.api.StatusKind;

class SlaClockTest {
    static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    static final BusinessCalendar OFFICE = BusinessCalendar.standard(BOGOTA);

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(BOGOTA).toInstant();
    }

    static String local(Instant instant) {
        return instant.atZone(BOGOTA).toLocalDateTime().toString();
    }

    @Test
    void pauseAndResumeMoveTheDueTimeByTheBusinessTimeStoodStill() {
        // Tuesday 10:00, 4 business hours: due 14:00
        SlaClock clock = SlaClock.start(OFFICE, at("2026-12-01T10:00"), Duration.ofHours(4));
        assertEquals("2026-12-01T14:00", local(clock.dueAt()));
        // waiting from 11:00 to the next morning 10:00: 7 business hours stood still (11-17, 9-10)
        SlaClock waiting = clock.pause(at("2026-12-01T11:00"));
        assertTrue(waiting.isPaused());
        assertEquals(waiting, waiting.pause(at("2026-12-01T12:00")), "a second pause keeps the first");
        assertEquals(CaseFields.SLA_PAUSED, waiting.state(OFFICE, StatusKind.WAITING, at("2026-12-01T16:00"), 75));
        SlaClock resumed = waiting.resume(OFFICE, at("2026-12-02T10:00"));
        assertFalse(resumed.isPaused());
        assertEquals(Duration.ofHours(7), resumed.paused());
        // 3 hours were left at 11:00: 10:00 + 3 h = 13:00
        assertEquals("2026-12-02T13:00", local(resumed.dueAt()));
        assertEquals(Duration.ofHours(1), resumed.used(OFFICE, at("2026-12-02T10:00")));
        assertEquals(CaseFields.SLA_ON_TRACK, resumed.state(OFFICE, StatusKind.OPEN, at("2026-12-02T10:30"), 75));
        // 75 % of 4 h is 3 h used: 12:00
        assertEquals(CaseFields.SLA_AT_RISK, resumed.state(OFFICE, StatusKind.OPEN, at("2026-12-02T12:00"), 75));
        assertEquals(CaseFields.SLA_BREACHED, resumed.state(OFFICE, StatusKind.OPEN, at("2026-12-02T13:00"), 75));
    }

    @Test
    void aPauseOverTheWeekendCountsOnlyBusinessTime() {
        SlaClock clock = SlaClock.start(OFFICE, at("2026-12-04T16:00"), Duration.ofHours(2));
        assertEquals("2026-12-07T10:00", local(clock.dueAt()));
        // waits from Friday 16:30 to Monday 09:30: 30 min Friday + 30 min Monday
        SlaClock resumed = clock.pause(at("2026-12-04T16:30")).resume(OFFICE, at("2026-12-07T09:30"));
        assertEquals(Duration.ofHours(1), resumed.paused());
        assertEquals("2026-12-07T11:00", local(resumed.dueAt()));
    }

    @Test
    void waitingAfterTheDueTimeDoesNotMendABreach() {
        SlaClock clock = SlaClock.start(OFFICE, at("2026-12-01T10:00"), Duration.ofMinutes(40));
        SlaClock late = clock.pause(at("2026-12-01T11:00"));
        assertEquals(CaseFields.SLA_BREACHED, late.state(OFFICE, StatusKind.WAITING, at("2026-12-01T12:00"), 75));
        SlaClock resumed = late.resume(OFFICE, at("2026-12-02T12:00"));
        assertEquals(Duration.ZERO, resumed.paused());
        assertEquals("2026-12-01T10:40", local(resumed.dueAt()));
    }

    @Test
    void solvedInTimeIsMetAndLateIsBreached() {
        SlaClock clock = SlaClock.start(OFFICE, at("2026-12-01T10:00"), Duration.ofHours(1));
        assertEquals(CaseFields.SLA_MET, clock.pause(at("2026-12-01T10:59"))
                .state(OFFICE, StatusKind.SOLVED, at("2026-12-03T10:00"), 75));
        assertEquals(CaseFields.SLA_BREACHED, clock.pause(at("2026-12-01T11:01"))
                .state(OFFICE, StatusKind.CLOSED, at("2026-12-03T10:00"), 75));
        // waited in time, then solved while waiting: met
        assertEquals(CaseFields.SLA_MET, clock.pause(at("2026-12-01T10:30"))
                .state(OFFICE, StatusKind.SOLVED, at("2026-12-05T10:00"), 75));
    }

    @Test
    void reopeningResumesTheClock() {
        SlaClock clock = SlaClock.start(OFFICE, at("2026-12-01T10:00"), Duration.ofHours(2));
        SlaClock reopened = clock.pause(at("2026-12-01T11:00")).resume(OFFICE, at("2026-12-01T15:00"));
        assertEquals("2026-12-01T16:00", local(reopened.dueAt()));
    }

    @Test
    void aNewPriorityKeepsStartAndPauses() {
        SlaClock clock = SlaClock.start(OFFICE, at("2026-12-01T16:50"), Duration.ofHours(8))
                .pause(at("2026-12-01T16:55")).resume(OFFICE, at("2026-12-02T09:05"));
        assertEquals(Duration.ofMinutes(10), clock.paused());
        SlaClock urgent = clock.recompute(OFFICE, Duration.ofMinutes(40));
        assertEquals("2026-12-02T09:40", local(urgent.dueAt()));
    }

    @Test
    void nextStateChangeIsAtRiskThenDue() {
        SlaClock clock = SlaClock.start(OFFICE, at("2026-12-01T09:00"), Duration.ofHours(4));
        assertEquals(Optional.of(at("2026-12-01T12:00")), clock.nextStateChange(OFFICE, at("2026-12-01T09:00"), 75));
        assertEquals(Optional.of(at("2026-12-01T13:00")), clock.nextStateChange(OFFICE, at("2026-12-01T12:00"), 75));
        assertEquals(Optional.empty(), clock.nextStateChange(OFFICE, at("2026-12-01T13:00"), 75));
        assertEquals(Optional.empty(), clock.pause(at("2026-12-01T10:00")).nextStateChange(OFFICE,
                at("2026-12-01T10:00"), 75));
    }

    @Test
    void escalationLevelsFollowTheRule() {
        SlaClock clock = SlaClock.start(OFFICE, at("2026-12-01T09:00"), Duration.ofHours(4));
        EscalationRule atDue = new EscalationRule(1, 10, Optional.empty(), Optional.of("Urgent"),
                EscalationRule.Trigger.MINUTES_PAST_DUE, 30, 180, 3);
        assertEquals(at("2026-12-01T13:30"), atDue.firesAt(OFFICE, clock, 1));
        assertEquals(at("2026-12-01T16:30"), atDue.firesAt(OFFICE, clock, 2));
        // level 3: 6 business hours after 13:30 cross the night
        assertEquals(at("2026-12-02T11:30"), atDue.firesAt(OFFICE, clock, 3));
        EscalationRule share = new EscalationRule(2, 5, Optional.of("Complaint"), Optional.empty(),
                EscalationRule.Trigger.PERCENT_OF_SLA, 50, 15, 1);
        assertEquals(at("2026-12-01T11:00"), share.firesAt(OFFICE, clock, 1));
        assertEquals(Optional.of(share), EscalationRule.applying(java.util.List.of(atDue, share), "Complaint",
                "Urgent"));
        assertEquals(Optional.of(atDue), EscalationRule.applying(java.util.List.of(atDue, share), "Claim", "urgent"));
        assertEquals(Optional.empty(), EscalationRule.applying(java.util.List.of(atDue, share), "Claim", "Low"));
    }
}
