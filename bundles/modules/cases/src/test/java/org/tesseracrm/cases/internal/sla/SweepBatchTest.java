package org.tesseracrm.cases.internal.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tesseracrm.cases.internal.sla.SlaStoreTest.utc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tesseracrm.cases.api.CaseFields;

/**
 * The sweep's batch on an in-memory Derby: the due cases read with their clocks in one query, worked out in memory
 * and written together come out as a case worked out on its own by {@link SlaEngine#apply}; the write leaves a case
 * changed since the read alone (due again); a level due goes to an escalation of its own.
 */
class SweepBatchTest {
    private Connection c;

    @BeforeEach
    void migrated(TestInfo info) throws Exception {
        c = SlaDatabase.migrated("sweep" + info.getDisplayName());
        // two twins and a third case, Urgent (40 business minutes), Tuesday 10:00 UTC
        for (long id = 1; id <= 3; id++) {
            SlaStoreTest.insertCase(c, id, "Complaint", "Urgent", "New", "2026-12-01T10:00");
            apply(id, "2026-12-01T10:00");
        }
    }

    @Test
    void aBatchWritesWhatTheEngineWritesCaseByCase() throws SQLException {
        Instant now = utc("2026-12-01T10:31"); // past 75 % of 40 minutes: at risk
        List<SlaStore.Due> due = SlaStore.dueCases(c, now, 10);
        assertEquals(3, due.size());
        assertEquals(utc("2026-12-01T10:30"), due.get(0).nextCheck());
        SlaService.Plan plan = SlaService.plan(SlaSettings.load(c), due, now);
        assertEquals(3, plan.swept().size());
        assertTrue(plan.escalating().isEmpty() && plan.oneByOne().isEmpty());
        // case 1 through the batch, case 2 through the engine as a change of the case writes it
        assertEquals(1, SlaStore.writeSwept(c, plan.swept().stream().filter(x -> x.due().clock().caseId() == 1)
                .toList()));
        apply(2, "2026-12-01T10:31");
        assertEquals(CaseFields.SLA_AT_RISK, state(1));
        assertEquals(row(2), row(1));
        assertEquals("2026-12-01T10:40", SlaDatabase.due(c, 1));
        assertEquals("2026-12-01 10:40:00.0", nextCheck(1), "next: the due time");
        assertEquals(List.of(3L), ids(SlaStore.dueCases(c, now, 10)));
        assertEquals(List.of(3L), ids(SlaStore.dueCases(c, now, 1)), "the limit");
    }

    @Test
    void aCaseChangedSinceTheReadKeepsItsChangeAndStaysDue() throws SQLException {
        SlaStoreTest.insertCase(c, 4, "Complaint", "Urgent", "New", "2026-12-01T10:00");
        apply(4, "2026-12-01T10:00");
        Instant now = utc("2026-12-01T10:31");
        SlaService.Plan plan = SlaService.plan(SlaSettings.load(c), SlaStore.dueCases(c, now, 10), now);
        assertEquals(4, plan.swept().size());
        // meanwhile case 1 waits on the customer (its clock pauses), case 2's priority changes but its SLA is not
        // worked out yet (its clock is as read), case 4's clock is written (as by a recompute) but not yet the case;
        // case 3 is untouched
        setText(1, "STATUS", CaseFields.WAITING_ON_CUSTOMER);
        apply(1, "2026-12-01T10:31");
        setText(2, "PRIORITY", "High");
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE CASE_SLA_CLOCK SET NEXT_CHECK_AT = ? WHERE CASE_ID = 4")) {
            ps.setTimestamp(1, SlaStore.timestamp(utc("2026-12-01T10:29")));
            ps.executeUpdate();
        }
        assertEquals(1, SlaStore.writeSwept(c, plan.swept()));
        assertEquals(CaseFields.SLA_PAUSED, state(1));
        assertEquals("", nextCheck(1), "a paused clock is not due");
        assertEquals(CaseFields.SLA_ON_TRACK, state(2));
        assertEquals("2026-12-01 10:30:00.0", nextCheck(2), "as read: due again");
        assertEquals(CaseFields.SLA_AT_RISK, state(3));
        assertEquals(CaseFields.SLA_ON_TRACK, state(4), "put back as read");
        assertEquals("2026-12-01T10:40", SlaDatabase.due(c, 4));
        assertEquals("2026-12-01 10:29:00.0", nextCheck(4), "the other change");
        assertEquals(List.of(2L, 4L), ids(SlaStore.dueCases(c, now, 10)).stream().sorted().toList());
    }

    @Test
    void aLevelDueIsEscalatedOnItsOwnAndAWriteGuardedOnTheLevel() throws SQLException {
        Instant now = utc("2026-12-01T10:41"); // past due: Breached, level 1 due (the seeded rule: at due)
        List<SlaStore.Due> due = SlaStore.dueCases(c, now, 10);
        SlaService.Plan plan = SlaService.plan(SlaSettings.load(c), due, now);
        assertEquals(3, plan.escalating().size());
        assertTrue(plan.swept().isEmpty());
        // another sweep escalated case 1 after this one read it: the guarded write finds the level moved
        assertTrue(SlaStore.moveLevel(c, 1, 0, 1));
        SlaService.Escalating e = plan.escalating().stream().filter(x -> x.due().clock().caseId() == 1).findFirst()
                .orElseThrow();
        assertEquals(0, SlaStore.writeSwept(c, List.of(new SlaStore.Swept(e.due(), e.applied().calendar().id(),
                e.applied().clock(), SlaEngine.nextCheck(e.applied(), 1, now), e.applied().state()))));
        assertEquals("2026-12-01 10:30:00.0", nextCheck(1), "as read");
        assertEquals(CaseFields.SLA_ON_TRACK, state(1));
    }

    @Test
    void aBatchReadsNoMoreThanItsLimitEarliestFirst() throws SQLException {
        assertEquals(2, SlaStore.dueCases(c, utc("2026-12-01T10:31"), 2).size());
        assertEquals(List.of(), SlaStore.dueCases(c, utc("2026-12-01T10:29"), 2));
    }

    private void apply(long id, String now) throws SQLException {
        SlaEngine.apply(c, SlaSettings.load(c), SlaStore.caseSla(c, id).orElseThrow(), utc(now));
    }

    private static List<Long> ids(List<SlaStore.Due> due) {
        return due.stream().map(d -> d.clock().caseId()).toList();
    }

    private String state(long id) throws SQLException {
        return SlaStore.caseSla(c, id).orElseThrow().slaState();
    }

    /** @return the case's SLA columns and its clock's, as text */
    private String row(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CRM_CASE.SLA_DUE_AT, CRM_CASE.SLA_STATE, "
                + "CRM_CASE.ESCALATION_LEVEL, CASE_SLA_CLOCK.CALENDAR_ID, CASE_SLA_CLOCK.STARTED_AT, "
                + "CASE_SLA_CLOCK.ALLOWED_SECONDS, CASE_SLA_CLOCK.PAUSED_SECONDS, CASE_SLA_CLOCK.PAUSED_SINCE, "
                + "CASE_SLA_CLOCK.NEXT_CHECK_AT FROM CRM_CASE JOIN CASE_SLA_CLOCK ON CASE_SLA_CLOCK.CASE_ID = "
                + "CRM_CASE.ID WHERE CRM_CASE.ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                StringBuilder text = new StringBuilder();
                for (int i = 1; i <= 9; i++) {
                    text.append(rs.getString(i)).append('|');
                }
                return text.toString();
            }
        }
    }

    private String nextCheck(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT NEXT_CHECK_AT FROM CASE_SLA_CLOCK WHERE CASE_ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getTimestamp(1) == null ? "" : rs.getTimestamp(1).toString();
            }
        }
    }

    private void setText(long id, String column, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_CASE SET " + column + " = ? WHERE ID = ?")) {
            ps.setString(1, value);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }
}
