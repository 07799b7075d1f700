package org.tesseracrm.cases.internal.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tesseracrm.cases.api.CaseFields;

/**
 * The recompute's SQL on an in-memory Derby: batches in id order that go on from the row of CASE_SLA_RECOMPUTE, a
 * holiday that moves the due times of the open cases only, a status whose kind changes pausing and resuming its
 * cases, and a new request in the middle starting again from the first case.
 */
class RecomputeStoreTest {
    private static final Instant CREATED = SlaStoreTest.utc("2026-12-04T16:50");
    private static final Instant NOW = SlaStoreTest.utc("2026-12-04T16:55");
    private Connection c;

    @BeforeEach
    void migrated(TestInfo info) throws Exception {
        c = SlaDatabase.migrated("recompute" + info.getDisplayName());
    }

    @AfterEach
    void closed() throws SQLException {
        c.rollback();
        c.close();
    }

    @Test
    void aHolidayMovesTheOpenCasesOfTheCalendarInBatchesAndLeavesTheDoneOnes() throws SQLException {
        // 1,100 Urgent cases at Friday 16:50: due Monday 09:30; case 7 is closed (Met at 16:52)
        for (long id = 1; id <= 1100; id++) {
            insertCase(id, "Urgent", id == 7 ? CaseFields.CLOSED : CaseFields.NEW);
            apply(id, id == 7 ? SlaStoreTest.utc("2026-12-04T16:52") : CREATED);
        }
        assertEquals("2026-12-07T09:30", due(1));
        assertEquals(CaseFields.SLA_MET, state(7));
        SlaCalendar standard = SlaStore.calendars(c).get(0);
        LocalDate monday = LocalDate.of(2026, 12, 7);
        SlaCalendar bridge = new SlaCalendar(standard.id(), new BusinessCalendar(BusinessCalendar.DEFAULT,
                standard.calendar().zone(), standard.calendar().week(), Set.of(monday)), Map.of(monday, "Bridge"), 75);
        assertTrue(Recompute.movesDueTimes(standard, bridge));
        SlaStore.saveCalendar(c, bridge);
        Recompute.Scope scope = new Recompute.Scope(Recompute.Kind.CALENDAR, Long.toString(standard.id()));

        Recompute.request(c, scope, NOW);
        assertFalse(Recompute.step(c, scope, NOW, 500), "the first batch: cases 1 to 500");
        assertEquals("2026-12-08T09:30", due(500));
        assertEquals("2026-12-07T09:30", due(501), "not yet");
        assertEquals(List.of(new SlaService.Pending(scope.key(), 500, 500, NOW)), SlaStore.recomputes(c));
        assertFalse(Recompute.step(c, scope, NOW, 500));
        assertTrue(Recompute.step(c, scope, NOW, 500), "the third batch has 100 and ends it");
        assertEquals("2026-12-08T09:30", due(1100));
        assertEquals(List.of(), SlaStore.recomputes(c));
        assertTrue(Recompute.step(c, scope, NOW, 500), "nothing left: a timer run again does nothing");
        assertEquals(CaseFields.SLA_MET, state(7));
        assertEquals("2026-12-07T09:30", due(7), "a closed case keeps the due time it was done by");
    }

    @Test
    void aNewRequestInTheMiddleStartsAgainFromTheFirstCase() throws SQLException {
        for (long id = 1; id <= 5; id++) {
            insertCase(id, "High", CaseFields.NEW);
            apply(id, CREATED);
        }
        assertEquals("2026-12-07T16:50", due(1));
        Recompute.Scope scope = new Recompute.Scope(Recompute.Kind.PRIORITY, "High");
        SlaStore.setResolution(c, "High", Optional.of(Resolution.parse("4h")));
        Recompute.request(c, scope, NOW);
        assertFalse(Recompute.step(c, scope, NOW, 2));
        assertEquals("2026-12-07T12:50", due(2));
        SlaStore.setResolution(c, "High", Optional.of(Resolution.parse("2h")));
        Recompute.request(c, scope, NOW);
        assertFalse(Recompute.step(c, scope, NOW, 2));
        assertEquals("2026-12-07T10:50", due(1), "cases 1 and 2 again, with the newest time");
        assertEquals("2026-12-07T16:50", due(3), "not yet: still the 8 hours");
        assertFalse(Recompute.step(c, scope, NOW, 2));
        assertTrue(Recompute.step(c, scope, NOW, 2));
        assertEquals("2026-12-07T10:50", due(5));
    }

    @Test
    void theCasesOfAStatusThatBecomesWaitingPauseAndResumeWhenItIsOpenAgain() throws SQLException {
        insertCase(1, "Urgent", CaseFields.IN_PROGRESS);
        insertCase(2, "Urgent", CaseFields.NEW);
        apply(1, CREATED);
        apply(2, CREATED);
        assertEquals("2026-12-07T09:30", due(1));
        Recompute.Scope scope = new Recompute.Scope(Recompute.Kind.STATUS, CaseFields.IN_PROGRESS);

        kind(CaseFields.IN_PROGRESS, "waiting");
        Recompute.request(c, scope, NOW);
        assertTrue(Recompute.step(c, scope, NOW, 500));
        assertEquals(CaseFields.SLA_PAUSED, state(1), "as if it had moved into a waiting status at 16:55");
        assertEquals(Optional.of(NOW), SlaStore.clock(c, 1).orElseThrow().pausedSince());
        assertEquals(List.of(), SlaStore.dueForCheck(c, SlaStoreTest.utc("2026-12-09T00:00"), 10).stream()
                .filter(id -> id == 1).toList(), "a paused clock waits");
        assertEquals(CaseFields.SLA_ON_TRACK, state(2), "a case in another status is left alone");

        // open again on Monday 10:00: it stood still 5 minutes on Friday and 60 on Monday, so the due time moves
        // from 09:30 by 65 business minutes
        Instant monday = SlaStoreTest.utc("2026-12-07T10:00");
        kind(CaseFields.IN_PROGRESS, "open");
        Recompute.request(c, scope, monday);
        assertTrue(Recompute.step(c, scope, monday, 500));
        assertEquals("2026-12-07T10:35", due(1));
        assertEquals(CaseFields.SLA_ON_TRACK, state(1));
        assertTrue(SlaStore.clock(c, 1).orElseThrow().pausedSince().isEmpty());
        assertEquals("2026-12-07T09:30", due(2));
    }

    private void insertCase(long id, String priority, String status) throws SQLException {
        SlaStoreTest.insertCase(c, id, "Complaint", priority, status, "2026-12-04T16:50");
    }

    private void apply(long id, Instant now) throws SQLException {
        SlaEngine.apply(c, SlaSettings.load(c), SlaStore.caseSla(c, id).orElseThrow(), now);
    }

    private void kind(String status, String kind) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CASE_STATUS_KIND SET KIND = ? WHERE STATUS = ?")) {
            ps.setString(1, kind);
            ps.setString(2, status);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private String due(long id) throws SQLException {
        return SlaDatabase.due(c, id);
    }

    private String state(long id) throws SQLException {
        return SlaStore.caseSla(c, id).orElseThrow().slaState();
    }
}
