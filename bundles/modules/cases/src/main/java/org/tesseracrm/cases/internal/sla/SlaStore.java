package org.tesseracrm.cases.internal.sla;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.tesseracrm.cases.api.StatusKind;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.IdGenerator;

/**
 * The SLA's SQL (tables of cases-sla.yaml and the SLA columns of CRM_CASE), run on the connection of the change or
 * service call it belongs to. Instants are stored as UTC timestamps, as the record platform stores date-times.
 */
final class SlaStore {
    /** Ids of calendars and rules. */
    static final IdGenerator IDS = new IdGenerator("CASES_ID_GEN", "GEN_NAME", "GEN_VALUE", "SLA");
    private static final String[] DAY_COLUMNS = {"HOURS_MON", "HOURS_TUE", "HOURS_WED", "HOURS_THU", "HOURS_FRI",
        "HOURS_SAT", "HOURS_SUN"};

    private SlaStore() {
    }

    /**
     * What the SLA needs of a case.
     *
     * @param id the case id
     * @param caseType its type
     * @param priority its priority
     * @param status its status
     * @param responsible its responsible ("" for none)
     * @param owner its owner
     * @param number its number
     * @param subject its subject
     * @param slaState its stored SLA state ("" for none)
     * @param level its escalation level (0 for none)
     * @param createdAt when it was created
     */
    record CaseSla(long id, String caseType, String priority, String status, String responsible, String owner,
            String number, String subject, String slaState, int level, Instant createdAt) {
        /** @return number and subject, as the case is called */
        String label() {
            return (number + " " + subject).trim();
        }
    }

    /**
     * A stored clock; its due time follows from its calendar.
     *
     * @param caseId the case
     * @param calendarId the calendar it counts in
     * @param start when it started
     * @param allowed the business time allowed
     * @param paused the business time it stood still so far
     * @param pausedSince since when it stands still
     */
    record ClockRow(long caseId, long calendarId, Instant start, Duration allowed, Duration paused,
            Optional<Instant> pausedSince) {
        /** @param calendar the calendar of {@code calendarId} @return the clock with its due time */
        SlaClock clock(BusinessCalendar calendar) {
            return new SlaClock(start, allowed, paused, pausedSince, calendar.plus(start, allowed.plus(paused)));
        }
    }

    // ---- settings

    static List<SlaCalendar> calendars(Connection c) throws SQLException {
        Map<Long, Map<LocalDate, String>> holidays = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CALENDAR_ID, HOLIDAY, NAME FROM CASE_SLA_HOLIDAY");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                holidays.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getDate(2).toLocalDate(),
                        rs.getString(3));
            }
        }
        List<SlaCalendar> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, NAME, ZONE_ID, HOURS_MON, HOURS_TUE, HOURS_WED, "
                + "HOURS_THU, HOURS_FRI, HOURS_SAT, HOURS_SUN, AT_RISK_PERCENT FROM CASE_SLA_CALENDAR ORDER BY NAME");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<DayOfWeek, List<BusinessCalendar.Span>> week = new EnumMap<>(DayOfWeek.class);
                for (int i = 0; i < 7; i++) {
                    week.put(DayOfWeek.of(i + 1), BusinessCalendar.parseHours(rs.getString(4 + i)));
                }
                Map<LocalDate, String> days = holidays.getOrDefault(rs.getLong(1), Map.of());
                BusinessCalendar calendar = new BusinessCalendar(rs.getString(2), ZoneId.of(rs.getString(3)), week,
                        days.keySet());
                found.add(new SlaCalendar(rs.getLong(1), calendar, days, rs.getInt(11)));
            }
        }
        return found;
    }

    static long saveCalendar(Connection c, SlaCalendar calendar) throws SQLException {
        long id = calendar.id();
        BusinessCalendar cal = calendar.calendar();
        if (id == 0) {
            id = ModuleSql.reserveIds(c, IDS, 1);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CASE_SLA_CALENDAR (ID, NAME, ZONE_ID, "
                    + String.join(", ", DAY_COLUMNS) + ", AT_RISK_PERCENT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, id);
                ps.setString(2, cal.name());
                ps.setString(3, cal.zone().getId());
                for (int i = 0; i < 7; i++) {
                    ps.setString(4 + i, cal.hoursText(DayOfWeek.of(i + 1)));
                }
                ps.setInt(11, calendar.atRiskPercent());
                ps.executeUpdate();
            }
        } else {
            try (PreparedStatement ps = c.prepareStatement("UPDATE CASE_SLA_CALENDAR SET NAME = ?, ZONE_ID = ?, "
                    + String.join(" = ?, ", DAY_COLUMNS) + " = ?, AT_RISK_PERCENT = ? WHERE ID = ?")) {
                ps.setString(1, cal.name());
                ps.setString(2, cal.zone().getId());
                for (int i = 0; i < 7; i++) {
                    ps.setString(3 + i, cal.hoursText(DayOfWeek.of(i + 1)));
                }
                ps.setInt(10, calendar.atRiskPercent());
                ps.setLong(11, id);
                ps.executeUpdate();
            }
            update(c, "DELETE FROM CASE_SLA_HOLIDAY WHERE CALENDAR_ID = ?", id);
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO CASE_SLA_HOLIDAY (CALENDAR_ID, HOLIDAY, NAME) VALUES (?, ?, ?)")) {
            for (Map.Entry<LocalDate, String> day : calendar.holidayNames().entrySet()) {
                ps.setLong(1, id);
                ps.setDate(2, java.sql.Date.valueOf(day.getKey()));
                ps.setString(3, cut(day.getValue(), 100));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return id;
    }

    static void deleteCalendar(Connection c, long id) throws SQLException {
        update(c, "DELETE FROM CASE_SLA_HOLIDAY WHERE CALENDAR_ID = ?", id);
        update(c, "DELETE FROM CASE_SLA_CALENDAR WHERE ID = ?", id);
    }

    /** @return how many clocks and case types use the calendar */
    static long uses(Connection c, long calendarId) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM CASE_SLA_TYPE_CALENDAR WHERE CALENDAR_ID = ?", calendarId)
                + count(c, "SELECT COUNT(*) FROM CASE_SLA_CLOCK WHERE CALENDAR_ID = ?", calendarId);
    }

    static Map<String, Long> typeCalendars(Connection c) throws SQLException {
        Map<String, Long> found = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CASE_TYPE, CALENDAR_ID FROM CASE_SLA_TYPE_CALENDAR");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.put(rs.getString(1), rs.getLong(2));
            }
        }
        return found;
    }

    static void setTypeCalendar(Connection c, String caseType, Optional<Long> calendarId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM CASE_SLA_TYPE_CALENDAR WHERE CASE_TYPE = ?")) {
            ps.setString(1, caseType);
            ps.executeUpdate();
        }
        if (calendarId.isPresent()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO CASE_SLA_TYPE_CALENDAR (CASE_TYPE, CALENDAR_ID) VALUES (?, ?)")) {
                ps.setString(1, caseType);
                ps.setLong(2, calendarId.get());
                ps.executeUpdate();
            }
        }
    }

    static Map<String, Resolution> resolutions(Connection c) throws SQLException {
        Map<String, Resolution> found = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT PRIORITY, AMOUNT, UNIT FROM CASE_SLA_RESOLUTION");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.put(rs.getString(1), Resolution.parse(rs.getInt(2) + rs.getString(3)));
            }
        }
        return found;
    }

    static void setResolution(Connection c, String priority, Optional<Resolution> resolution) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM CASE_SLA_RESOLUTION WHERE PRIORITY = ?")) {
            ps.setString(1, priority);
            ps.executeUpdate();
        }
        if (resolution.isPresent()) {
            String text = resolution.get().toString();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO CASE_SLA_RESOLUTION (PRIORITY, AMOUNT, UNIT) VALUES (?, ?, ?)")) {
                ps.setString(1, priority);
                ps.setLong(2, resolution.get().amount());
                ps.setString(3, text.substring(text.length() - 1));
                ps.executeUpdate();
            }
        }
    }

    static List<EscalationRule> rules(Connection c) throws SQLException {
        List<EscalationRule> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, POSITION, CASE_TYPE, PRIORITY, TRIGGER_KIND, AMOUNT, "
                + "REPEAT_MINUTES, MAX_LEVEL FROM CASE_SLA_RULE ORDER BY POSITION, ID");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new EscalationRule(rs.getLong(1), rs.getInt(2), Optional.of(rs.getString(3)),
                        Optional.of(rs.getString(4)), EscalationRule.Trigger.parse(rs.getString(5)), rs.getInt(6),
                        rs.getInt(7), rs.getInt(8)));
            }
        }
        return found;
    }

    static long saveRule(Connection c, EscalationRule rule) throws SQLException {
        long id = rule.id();
        boolean insert = id == 0;
        if (insert) {
            id = ModuleSql.reserveIds(c, IDS, 1);
        }
        try (PreparedStatement ps = c.prepareStatement(insert
                ? "INSERT INTO CASE_SLA_RULE (POSITION, CASE_TYPE, PRIORITY, TRIGGER_KIND, AMOUNT, REPEAT_MINUTES, "
                        + "MAX_LEVEL, ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE CASE_SLA_RULE SET POSITION = ?, CASE_TYPE = ?, PRIORITY = ?, TRIGGER_KIND = ?, AMOUNT = ?, "
                        + "REPEAT_MINUTES = ?, MAX_LEVEL = ? WHERE ID = ?")) {
            ps.setInt(1, rule.position());
            ps.setString(2, rule.caseType().orElse(""));
            ps.setString(3, rule.priority().orElse(""));
            ps.setString(4, rule.trigger().code());
            ps.setInt(5, rule.amount());
            ps.setInt(6, rule.repeatMinutes());
            ps.setInt(7, rule.maxLevel());
            ps.setLong(8, id);
            if (ps.executeUpdate() != 1) {
                return 0;
            }
        }
        return id;
    }

    static boolean deleteRule(Connection c, long id) throws SQLException {
        return update(c, "DELETE FROM CASE_SLA_RULE WHERE ID = ?", id) == 1;
    }

    // ---- cases and clocks

    static Map<String, StatusKind> statusKinds(Connection c) throws SQLException {
        Map<String, StatusKind> kinds = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT STATUS, KIND FROM CASE_STATUS_KIND");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                kinds.put(rs.getString(1).toLowerCase(Locale.ROOT),
                        StatusKind.parse(rs.getString(2)).orElse(StatusKind.OPEN));
            }
        }
        return kinds;
    }

    /**
     * @param kinds the kinds by status in lower case, from {@link #statusKinds}
     * @param status a status, "" for none
     * @return its kind; open for a status without one
     */
    static StatusKind kindOf(Map<String, StatusKind> kinds, String status) {
        return kinds.getOrDefault(status.toLowerCase(Locale.ROOT), StatusKind.OPEN);
    }

    static Optional<CaseSla> caseSla(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, CASE_TYPE, PRIORITY, STATUS, RESPONSIBLE, OWNER, "
                + "CASE_NUMBER, SUBJECT, SLA_STATE, ESCALATION_LEVEL, CREATED_AT FROM CRM_CASE WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CaseSla(rs.getLong(1), text(rs, 2), text(rs, 3), text(rs, 4), text(rs, 5),
                        text(rs, 6), text(rs, 7), text(rs, 8), text(rs, 9), rs.getInt(10), instant(rs.getTimestamp(11))));
            }
        }
    }

    static Optional<ClockRow> clock(Connection c, long caseId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT CALENDAR_ID, STARTED_AT, ALLOWED_SECONDS, PAUSED_SECONDS, "
                + "PAUSED_SINCE FROM CASE_SLA_CLOCK WHERE CASE_ID = ?")) {
            ps.setLong(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp since = rs.getTimestamp(5);
                return Optional.of(new ClockRow(caseId, rs.getLong(1), instant(rs.getTimestamp(2)),
                        Duration.ofSeconds(rs.getLong(3)), Duration.ofSeconds(rs.getLong(4)),
                        Optional.ofNullable(since).map(SlaStore::instant)));
            }
        }
    }

    static void saveClock(Connection c, long caseId, long calendarId, SlaClock clock, Optional<Instant> nextCheck)
            throws SQLException {
        int changed;
        try (PreparedStatement ps = c.prepareStatement("UPDATE CASE_SLA_CLOCK SET CALENDAR_ID = ?, STARTED_AT = ?, "
                + "ALLOWED_SECONDS = ?, PAUSED_SECONDS = ?, PAUSED_SINCE = ?, NEXT_CHECK_AT = ? WHERE CASE_ID = ?")) {
            bindClock(ps, calendarId, clock, nextCheck);
            ps.setLong(7, caseId);
            changed = ps.executeUpdate();
        }
        if (changed == 0) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CASE_SLA_CLOCK (CALENDAR_ID, STARTED_AT, "
                    + "ALLOWED_SECONDS, PAUSED_SECONDS, PAUSED_SINCE, NEXT_CHECK_AT, CASE_ID) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                bindClock(ps, calendarId, clock, nextCheck);
                ps.setLong(7, caseId);
                ps.executeUpdate();
            }
        }
    }

    private static void bindClock(PreparedStatement ps, long calendarId, SlaClock clock, Optional<Instant> nextCheck)
            throws SQLException {
        ps.setLong(1, calendarId);
        ps.setTimestamp(2, timestamp(clock.start()));
        ps.setLong(3, clock.allowed().toSeconds());
        ps.setLong(4, clock.paused().toSeconds());
        setInstant(ps, 5, clock.pausedSince());
        setInstant(ps, 6, nextCheck);
    }

    static void deleteClock(Connection c, long caseId) throws SQLException {
        update(c, "DELETE FROM CASE_SLA_CLOCK WHERE CASE_ID = ?", caseId);
    }

    static void deleteEscalations(Connection c, long caseId) throws SQLException {
        update(c, "DELETE FROM CASE_SLA_ESCALATION WHERE CASE_ID = ?", caseId);
    }

    /**
     * @param c a connection
     * @param now the current time
     * @param limit the most ids
     * @return the cases whose clock has something due, earliest first ({@link #dueCases})
     */
    static List<Long> dueForCheck(Connection c, Instant now, int limit) throws SQLException {
        return dueCases(c, now, limit).stream().map(d -> d.clock().caseId()).toList();
    }

    /**
     * A case whose clock has something due, as the sweep reads it.
     *
     * @param clock its stored clock
     * @param nextCheck the check time that made it due
     * @param cs the case; empty for a clock whose case is gone
     * @param dueAt the case's stored due time
     */
    record Due(ClockRow clock, Instant nextCheck, Optional<CaseSla> cs, Optional<Instant> dueAt) {
    }

    /**
     * A due case the sweep moves on without an escalation, worked out in memory ({@link SlaEngine#compute}).
     *
     * @param due the case and clock as read, the values the write guards on
     * @param calendarId the calendar it counts in now
     * @param clock its clock now
     * @param nextCheck when the sweep looks at it next
     * @param state its SLA state now
     */
    record Swept(Due due, long calendarId, SlaClock clock, Optional<Instant> nextCheck, String state) {
    }

    /**
     * The sweep's read: the cases whose clock has something due with their clocks, in one query that reads
     * {@code IX_CASE_SLA_CLOCK_NEXT} from its start and each case by its primary key, so its cost follows the clocks
     * due, not all clocks.
     *
     * @param c a connection
     * @param now the current time
     * @param limit the most cases
     * @return the due cases, earliest check first
     */
    static List<Due> dueCases(Connection c, Instant now, int limit) throws SQLException {
        List<Due> due = new ArrayList<>();
        // the batch's clocks first (a derived table, so the join reads 500 cases, not every due one), then their cases
        try (PreparedStatement ps = c.prepareStatement("SELECT K.CASE_ID, K.CALENDAR_ID, K.STARTED_AT, "
                + "K.ALLOWED_SECONDS, K.PAUSED_SECONDS, K.PAUSED_SINCE, K.NEXT_CHECK_AT, CRM_CASE.ID, "
                + "CRM_CASE.CASE_TYPE, CRM_CASE.PRIORITY, CRM_CASE.STATUS, CRM_CASE.RESPONSIBLE, CRM_CASE.OWNER, "
                + "CRM_CASE.CASE_NUMBER, CRM_CASE.SUBJECT, CRM_CASE.SLA_STATE, CRM_CASE.ESCALATION_LEVEL, "
                + "CRM_CASE.CREATED_AT, CRM_CASE.SLA_DUE_AT FROM (SELECT CASE_ID, CALENDAR_ID, STARTED_AT, "
                + "ALLOWED_SECONDS, PAUSED_SECONDS, PAUSED_SINCE, NEXT_CHECK_AT FROM "
                + ModuleSql.preferIndex("CASE_SLA_CLOCK", "IX_CASE_SLA_CLOCK_NEXT")
                + " WHERE NEXT_CHECK_AT <= ? ORDER BY NEXT_CHECK_AT FETCH FIRST " + Math.max(1, limit)
                + " ROWS ONLY) K LEFT OUTER JOIN CRM_CASE --DERBY-PROPERTIES joinStrategy=NESTEDLOOP\n"
                + " ON CRM_CASE.ID = K.CASE_ID ORDER BY K.NEXT_CHECK_AT")) {
            ps.setTimestamp(1, timestamp(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long caseId = rs.getLong(1);
                    Timestamp since = rs.getTimestamp(6);
                    ClockRow clock = new ClockRow(caseId, rs.getLong(2), instant(rs.getTimestamp(3)),
                            Duration.ofSeconds(rs.getLong(4)), Duration.ofSeconds(rs.getLong(5)),
                            Optional.ofNullable(since).map(SlaStore::instant));
                    rs.getLong(8);
                    Optional<CaseSla> cs = rs.wasNull() ? Optional.empty() : Optional.of(new CaseSla(caseId,
                            text(rs, 9), text(rs, 10), text(rs, 11), text(rs, 12), text(rs, 13), text(rs, 14),
                            text(rs, 15), text(rs, 16), rs.getInt(17), instant(rs.getTimestamp(18))));
                    Timestamp dueAt = rs.getTimestamp(19);
                    due.add(new Due(clock, instant(rs.getTimestamp(7)), cs,
                            Optional.ofNullable(dueAt).map(SlaStore::instant)));
                }
            }
        }
        return due;
    }

    /**
     * Writes the cases a sweep moved on without an escalation, with one batch per table, the case before its clock
     * (the order of a change of the case): each case only if its type, priority, status, escalation level, state and
     * due time are still those read, then the clocks of those only if they still hold the values read (calendar,
     * times, running, next check). A case changed meanwhile (by a user, a recompute, another node's sweep) keeps that
     * change: a case whose clock changed gets its due time and state back as read, and it stays due for the next
     * sweep to look at again.
     *
     * @param c the batch's connection
     * @param swept the cases
     * @return how many were written
     * @throws SQLException on a database failure, or a driver that does not count a batch's rows
     */
    static int writeSwept(Connection c, List<Swept> swept) throws SQLException {
        if (swept.isEmpty()) {
            return 0;
        }
        int[] cases;
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_CASE SET SLA_DUE_AT = ?, SLA_STATE = ? WHERE ID = ? "
                + "AND COALESCE(CASE_TYPE, '') = ? AND COALESCE(PRIORITY, '') = ? AND COALESCE(STATUS, '') = ? "
                + "AND COALESCE(ESCALATION_LEVEL, 0) = ? AND COALESCE(SLA_STATE, '') = ? "
                + "AND (SLA_DUE_AT = ? OR SLA_DUE_AT IS NULL AND ? = 1)")) {
            for (Swept s : swept) {
                CaseSla old = s.due().cs().orElseThrow();
                ps.setTimestamp(1, timestamp(s.clock().dueAt()));
                ps.setString(2, s.state());
                ps.setLong(3, old.id());
                ps.setString(4, old.caseType());
                ps.setString(5, old.priority());
                ps.setString(6, old.status());
                ps.setInt(7, old.level());
                ps.setString(8, old.slaState());
                setInstant(ps, 9, s.due().dueAt());
                ps.setInt(10, s.due().dueAt().isEmpty() ? 1 : 0);
                ps.addBatch();
            }
            cases = counted(ps.executeBatch(), swept.size());
        }
        List<Swept> moved = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            if (cases[i] == 1) {
                moved.add(swept.get(i));
            }
        }
        if (moved.isEmpty()) {
            return 0;
        }
        int[] clocks;
        try (PreparedStatement ps = c.prepareStatement("UPDATE CASE_SLA_CLOCK SET CALENDAR_ID = ?, STARTED_AT = ?, "
                + "ALLOWED_SECONDS = ?, PAUSED_SECONDS = ?, PAUSED_SINCE = ?, NEXT_CHECK_AT = ? WHERE CASE_ID = ? "
                + "AND CALENDAR_ID = ? AND STARTED_AT = ? AND ALLOWED_SECONDS = ? AND PAUSED_SECONDS = ? "
                + "AND PAUSED_SINCE IS NULL AND NEXT_CHECK_AT = ?")) {
            for (Swept s : moved) {
                ClockRow old = s.due().clock();
                bindClock(ps, s.calendarId(), s.clock(), s.nextCheck());
                ps.setLong(7, old.caseId());
                ps.setLong(8, old.calendarId());
                ps.setTimestamp(9, timestamp(old.start()));
                ps.setLong(10, old.allowed().toSeconds());
                ps.setLong(11, old.paused().toSeconds());
                ps.setTimestamp(12, timestamp(s.due().nextCheck()));
                ps.addBatch();
            }
            clocks = counted(ps.executeBatch(), moved.size());
        }
        int written = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE CRM_CASE SET SLA_DUE_AT = ?, SLA_STATE = ? WHERE ID = ?")) {
            boolean back = false;
            for (int i = 0; i < clocks.length; i++) {
                if (clocks[i] == 1) {
                    written++;
                    continue;
                }
                // the clock changed after the read: the case as it was (the guard found it so), due again
                Swept s = moved.get(i);
                setInstant(ps, 1, s.due().dueAt());
                String state = s.due().cs().orElseThrow().slaState();
                if (state.isEmpty()) {
                    ps.setNull(2, Types.VARCHAR);
                } else {
                    ps.setString(2, state);
                }
                ps.setLong(3, s.due().clock().caseId());
                ps.addBatch();
                back = true;
            }
            if (back) {
                ps.executeBatch();
            }
        }
        return written;
    }

    /** @return the rows each statement of a batch changed, 0 or 1 */
    private static int[] counted(int[] counts, int expected) throws SQLException {
        if (counts.length != expected) {
            throw new SQLException("The batch ran " + counts.length + " of " + expected + " statements");
        }
        for (int count : counts) {
            if (count < 0 || count > 1) {
                throw new SQLException("The driver did not count the rows of a batch's statement: " + count);
            }
        }
        return counts;
    }

    /**
     * The next batch of a recompute: keyset reads in id order over an index that starts with the scope's column
     * ({@code IX_CASE_SLA_CLOCK_CALCASE}, {@code IX_CASE_PRIORITY}, {@code IX_CASE_TYPE}, {@code IX_CASE_STATUS}), so
     * a batch costs the same at the start and the end of 200,000 cases.
     *
     * @param c a connection
     * @param scope the calendar's clocks, or the cases of a priority, type or status (with or without a clock)
     * @param after the last case id done, 0 at the start
     * @param limit the most ids
     * @return the case ids, smallest first
     */
    static List<Long> recomputeBatch(Connection c, Recompute.Scope scope, long after, int limit) throws SQLException {
        String sql = switch (scope.kind()) {
            case CALENDAR -> "SELECT CASE_ID FROM " + ModuleSql.preferIndex("CASE_SLA_CLOCK", "IX_CASE_SLA_CLOCK_CALCASE")
                    + " WHERE CALENDAR_ID = ? AND CASE_ID > ? ORDER BY CASE_ID";
            case PRIORITY -> "SELECT ID FROM " + ModuleSql.preferIndex("CRM_CASE", "IX_CASE_PRIORITY")
                    + " WHERE PRIORITY = ? AND ID > ? ORDER BY ID";
            case TYPE -> "SELECT ID FROM " + ModuleSql.preferIndex("CRM_CASE", "IX_CASE_TYPE")
                    + " WHERE CASE_TYPE = ? AND ID > ? ORDER BY ID";
            case STATUS -> "SELECT ID FROM " + ModuleSql.preferIndex("CRM_CASE", "IX_CASE_STATUS")
                    + " WHERE STATUS = ? AND ID > ? ORDER BY ID";
        };
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(limit);
            if (scope.kind() == Recompute.Kind.CALENDAR) {
                ps.setLong(1, Long.parseLong(scope.value()));
            } else {
                ps.setString(1, scope.value());
            }
            ps.setLong(2, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Starts (or starts again from its first case) the recompute of a scope. */
    static void requestRecompute(Connection c, String key, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CASE_SLA_RECOMPUTE SET AFTER_ID = 0, DONE_COUNT = 0, "
                + "REQUESTED_AT = ? WHERE SCOPE_KEY = ?")) {
            ps.setTimestamp(1, timestamp(now));
            ps.setString(2, key);
            if (ps.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CASE_SLA_RECOMPUTE (SCOPE_KEY, AFTER_ID, "
                + "REQUESTED_AT, DONE_COUNT) VALUES (?, 0, ?, 0)")) {
            ps.setString(1, key);
            ps.setTimestamp(2, timestamp(now));
            ps.executeUpdate();
        }
    }

    /**
     * Locks the scope's row until the transaction ends (an update that changes nothing) and reads where it stands.
     *
     * @return the last case id done; empty when there is no recompute of the scope
     */
    static Optional<Long> lockRecompute(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE CASE_SLA_RECOMPUTE SET AFTER_ID = AFTER_ID WHERE SCOPE_KEY = ?")) {
            ps.setString(1, key);
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT AFTER_ID FROM CASE_SLA_RECOMPUTE WHERE SCOPE_KEY = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    static void moveRecompute(Connection c, String key, long after, int done) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CASE_SLA_RECOMPUTE SET AFTER_ID = ?, "
                + "DONE_COUNT = DONE_COUNT + ? WHERE SCOPE_KEY = ?")) {
            ps.setLong(1, after);
            ps.setInt(2, done);
            ps.setString(3, key);
            ps.executeUpdate();
        }
    }

    static void deleteRecompute(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM CASE_SLA_RECOMPUTE WHERE SCOPE_KEY = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
    }

    /** @return the recomputes under way, oldest request first */
    static List<SlaService.Pending> recomputes(Connection c) throws SQLException {
        List<SlaService.Pending> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT SCOPE_KEY, AFTER_ID, DONE_COUNT, REQUESTED_AT FROM "
                + "CASE_SLA_RECOMPUTE ORDER BY REQUESTED_AT, SCOPE_KEY"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                found.add(new SlaService.Pending(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        instant(rs.getTimestamp(4))));
            }
        }
        return found;
    }

    static void writeCase(Connection c, long id, Optional<Instant> dueAt, String state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE CRM_CASE SET SLA_DUE_AT = ?, SLA_STATE = ? WHERE ID = ?")) {
            setInstant(ps, 1, dueAt);
            if (state.isEmpty()) {
                ps.setNull(2, Types.VARCHAR);
            } else {
                ps.setString(2, state);
            }
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /**
     * Moves the case's escalation level from one to the next, only if it is still at the first: of two sweeps (two
     * nodes, a timer run again after a restart) one changes the row, the other finds it moved and does nothing.
     *
     * @return whether this call moved it
     */
    static boolean moveLevel(Connection c, long id, int from, int to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_CASE SET ESCALATION_LEVEL = ? WHERE ID = ? AND "
                + (from == 0 ? "(ESCALATION_LEVEL IS NULL OR ESCALATION_LEVEL = 0)" : "ESCALATION_LEVEL = ?"))) {
            ps.setInt(1, to);
            ps.setLong(2, id);
            if (from != 0) {
                ps.setInt(3, from);
            }
            return ps.executeUpdate() == 1;
        }
    }

    static void insertEscalation(Connection c, long caseId, int level, Instant at, String role, List<String> users)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CASE_SLA_ESCALATION (CASE_ID, LEVEL_NO, "
                + "ESCALATED_AT, ROLE_NAME, USERS) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, caseId);
            ps.setInt(2, level);
            ps.setTimestamp(3, timestamp(at));
            ps.setString(4, cut(role, 100));
            ps.setString(5, cut(String.join(", ", users), 2000));
            ps.executeUpdate();
        }
    }

    static List<SlaService.Escalated> escalations(Connection c, long caseId) throws SQLException {
        List<SlaService.Escalated> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT LEVEL_NO, ESCALATED_AT, ROLE_NAME, USERS FROM "
                + "CASE_SLA_ESCALATION WHERE CASE_ID = ? ORDER BY LEVEL_NO")) {
            ps.setLong(1, caseId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new SlaService.Escalated(rs.getInt(1), instant(rs.getTimestamp(2)), rs.getString(3),
                            rs.getString(4)));
                }
            }
        }
        return found;
    }

    // ---- helpers

    static Timestamp timestamp(Instant at) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    static Instant instant(Timestamp at) {
        return at.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    private static void setInstant(PreparedStatement ps, int index, Optional<Instant> at) throws SQLException {
        if (at.isPresent()) {
            ps.setTimestamp(index, timestamp(at.get()));
        } else {
            ps.setNull(index, Types.TIMESTAMP);
        }
    }

    private static String text(ResultSet rs, int column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? "" : value;
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static int update(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            return ps.executeUpdate();
        }
    }

    private static long count(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
