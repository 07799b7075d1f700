package org.tesseracrm.cases.internal.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tesseracrm.cases.api.CaseFields;

/**
 * The SLA tables (cases-sla.yaml, included by cases.yaml) and the engine's SQL on an in-memory Derby: a case's due
 * time, pause and resume through its status, a new priority, and a level reached once.
 */
class SlaStoreTest {
    private Connection c;

    @BeforeEach
    void migrated(TestInfo info) throws Exception {
        c = SlaDatabase.migrated("sla" + info.getDisplayName());
    }

    static Instant utc(String local) {
        return Instant.parse(local + ":00Z");
    }

    @Test
    void anUrgentCaseAtTenToFiveOnFridayIsDueAfterTheWeekendAndAHoliday() throws SQLException {
        SlaCalendar standard = SlaStore.calendars(c).get(0);
        assertTrue(standard.isDefault());
        BusinessCalendar withHoliday = new BusinessCalendar(BusinessCalendar.DEFAULT, standard.calendar().zone(),
                standard.calendar().week(), Set.of(LocalDate.of(2026, 12, 7)));
        SlaStore.saveCalendar(c, new SlaCalendar(standard.id(), withHoliday, Map.of(LocalDate.of(2026, 12, 7),
                "Bridge day"), 75));
        assertEquals(Map.of(LocalDate.of(2026, 12, 7), "Bridge day"), SlaStore.calendars(c).get(0).holidayNames());
        insertCase(1, "Complaint", "Urgent", "New", "2026-12-04T16:50");

        apply(1, "2026-12-04T16:50");
        assertEquals("2026-12-08T09:30", due(1));
        assertEquals(CaseFields.SLA_ON_TRACK, state(1));
        // at risk after 30 of the 40 minutes: Tuesday 09:20
        assertEquals(List.of(), SlaStore.dueForCheck(c, utc("2026-12-08T09:19"), 10));
        assertEquals(List.of(1L), SlaStore.dueForCheck(c, utc("2026-12-08T09:20"), 10));
        apply(1, "2026-12-08T09:20");
        assertEquals(CaseFields.SLA_AT_RISK, state(1));
        apply(1, "2026-12-08T09:30");
        assertEquals(CaseFields.SLA_BREACHED, state(1));
    }

    @Test
    void waitingPausesTheClockAndResumingMovesTheDueTime() throws SQLException {
        insertCase(1, "Claim", "Urgent", "New", "2026-12-01T10:00");
        apply(1, "2026-12-01T10:00");
        assertEquals("2026-12-01T10:40", due(1));
        setText(1, "STATUS", CaseFields.WAITING_ON_CUSTOMER);
        apply(1, "2026-12-01T10:30");
        assertEquals(CaseFields.SLA_PAUSED, state(1));
        assertEquals(List.of(), SlaStore.dueForCheck(c, utc("2026-12-09T00:00"), 10), "a paused clock waits");
        setText(1, "STATUS", CaseFields.IN_PROGRESS);
        // waited 10:30 to 16:30 (6 business hours): 10 minutes were left
        apply(1, "2026-12-01T16:30");
        assertEquals("2026-12-01T16:40", due(1));
        assertEquals(CaseFields.SLA_AT_RISK, state(1));
        setText(1, "STATUS", CaseFields.SOLVED);
        apply(1, "2026-12-01T16:35");
        assertEquals(CaseFields.SLA_MET, state(1));
    }

    @Test
    void aNewPriorityOrNoneWorksTheDueTimeOutAgain() throws SQLException {
        insertCase(1, "Petition", "Urgent", "New", "2026-12-04T16:50");
        apply(1, "2026-12-04T16:50");
        assertEquals("2026-12-07T09:30", due(1));
        setText(1, "PRIORITY", "High");
        apply(1, "2026-12-04T16:55");
        assertEquals("2026-12-07T16:50", due(1));
        SlaStore.setResolution(c, "High", Optional.empty());
        apply(1, "2026-12-04T16:56");
        assertEquals("", due(1));
        assertEquals("", state(1));
        assertTrue(SlaStore.clock(c, 1).isEmpty());
    }

    @Test
    void aLevelIsReachedOnce() throws SQLException {
        insertCase(1, "Petition", "Urgent", "New", "2026-12-04T16:50");
        assertTrue(SlaStore.moveLevel(c, 1, 0, 1));
        assertFalse(SlaStore.moveLevel(c, 1, 0, 1), "a second sweep finds the level moved");
        SlaStore.insertEscalation(c, 1, 1, utc("2026-12-07T10:00"), "Service manager", List.of("mia", "max"));
        assertThrows(SQLException.class, () -> SlaStore.insertEscalation(c, 1, 1, utc("2026-12-07T10:01"), "x",
                List.of()));
        c.rollback();
    }

    @Test
    void settingsRoundTrip() throws SQLException {
        EscalationRule rule = new EscalationRule(0, 5, Optional.of("Complaint"), Optional.empty(),
                EscalationRule.Trigger.PERCENT_OF_SLA, 80, 30, 3);
        long id = SlaStore.saveRule(c, rule);
        assertTrue(id > 0);
        List<EscalationRule> rules = SlaStore.rules(c);
        assertEquals(2, rules.size());
        assertEquals(new EscalationRule(id, 5, Optional.of("Complaint"), Optional.empty(),
                EscalationRule.Trigger.PERCENT_OF_SLA, 80, 30, 3), rules.get(0));
        assertEquals("40m", SlaStore.resolutions(c).get("Urgent").toString());
        long night = SlaStore.saveCalendar(c, new SlaCalendar(0, new BusinessCalendar("Night desk",
                java.time.ZoneId.of("America/Bogota"), Map.of(java.time.DayOfWeek.MONDAY,
                        BusinessCalendar.parseHours("22:00-06:00")), Set.of()), Map.of(), 60));
        SlaStore.setTypeCalendar(c, "Claim", Optional.of(night));
        SlaSettings settings = SlaSettings.load(c);
        assertEquals("Night desk", settings.calendarFor("Claim").name());
        assertEquals("22:00-06:00", settings.calendarFor("Claim").calendar().hoursText(java.time.DayOfWeek.MONDAY));
        assertEquals(BusinessCalendar.DEFAULT, settings.calendarFor("Petition").name());
        assertEquals(1, SlaStore.uses(c, night));
    }

    @Test
    void twentyParallelCreatesDoNotWaitForEachOther(TestInfo info) throws Exception {
        // each transaction inserts its case and starts its clock, as the record platform and SlaLifecycle do
        org.apache.derby.jdbc.EmbeddedDataSource dataSource = new org.apache.derby.jdbc.EmbeddedDataSource();
        dataSource.setDatabaseName("memory:sla" + info.getDisplayName().replaceAll("\\W", ""));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(20);
        List<java.util.concurrent.Future<String>> dues = new java.util.ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            long id = 100 + i;
            dues.add(pool.submit(() -> {
                try (Connection own = dataSource.getConnection()) {
                    own.setAutoCommit(false);
                    insertCase(own, id, "Complaint", "Urgent", "New", "2026-12-04T16:50");
                    barrier.await();
                    SlaEngine.apply(own, SlaSettings.load(own), SlaStore.caseSla(own, id).orElseThrow(),
                            utc("2026-12-04T16:50"));
                    own.commit();
                }
                return due(id);
            }));
        }
        pool.shutdown();
        for (java.util.concurrent.Future<String> due : dues) {
            assertEquals("2026-12-07T09:30", due.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
    }

    private void apply(long id, String now) throws SQLException {
        SlaEngine.apply(c, SlaSettings.load(c), SlaStore.caseSla(c, id).orElseThrow(), utc(now));
    }

    private void insertCase(long id, String type, String priority, String status, String created)
            throws SQLException {
        insertCase(c, id, type, priority, status, created);
    }

    static void insertCase(Connection c, long id, String type, String priority, String status, String created)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CRM_CASE (ID, CASE_TYPE, SUBJECT, STATUS, PRIORITY, "
                + "RESPONSIBLE, OWNER, CREATED_AT, UPDATED_AT, VERSION) VALUES (?, ?, 'Late delivery', ?, ?, 'ana', "
                + "'ana', ?, ?, 0)")) {
            ps.setLong(1, id);
            ps.setString(2, type);
            ps.setString(3, status);
            ps.setString(4, priority);
            ps.setTimestamp(5, SlaStore.timestamp(utc(created)));
            ps.setTimestamp(6, SlaStore.timestamp(utc(created)));
            ps.executeUpdate();
        }
    }

    private void setText(long id, String column, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_CASE SET " + column + " = ? WHERE ID = ?")) {
            ps.setString(1, value);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private String due(long id) throws SQLException {
        return SlaDatabase.due(c, id);
    }

    private String state(long id) throws SQLException {
        return SlaStore.caseSla(c, id).orElseThrow().slaState();
    }
}
