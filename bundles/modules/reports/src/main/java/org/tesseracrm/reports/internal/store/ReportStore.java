package org.tesseracrm.reports.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.reports.api.Frequency;
import org.tesseracrm.reports.api.Report;
import org.tesseracrm.reports.api.ReportSpec;
import org.tesseracrm.reports.api.Schedule;
import org.tesseracrm.reports.api.Sharing;

/**
 * The module's SQL on saved reports, their sharing and schedules, run on the connection of the service call or timer
 * it belongs to ({@code TransactionScope}). Parameters are always bound. Which reports a user sees is decided in
 * the query (owner, everyone, role, groups) and again by {@link Viewer#sees}.
 */
public final class ReportStore {
    /** The id generator of saved reports. */
    public static final IdGenerator IDS = new IdGenerator("REPORTS_ID_GEN", "GEN_NAME", "GEN_VALUE", "REPORT");
    /** The most saved reports one list shows. */
    public static final int MAX_LIST = 1000;
    private static final String COLUMNS = "ID, VERSION, NAME, DESCRIPTION, OWNER, SPEC, SHARE_EVERYONE, UPDATED_AT";
    private static final String ROLE = "R";
    private static final String GROUP = "G";

    private ReportStore() {
    }

    /**
     * @param c the connection
     * @param owner who saves it
     * @param name its name
     * @param description its description
     * @param spec what it computes
     * @param sharing who else sees it
     * @param at now
     * @return the new report, version 1
     * @throws SQLException if the database refuses
     */
    public static Report insert(Connection c, String owner, String name, String description, ReportSpec spec,
            Sharing sharing, Instant at) throws SQLException {
        long id = ModuleSql.reserveIds(c, IDS, 1);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CRM_REPORT (ID, NAME, DESCRIPTION, OWNER, "
                + "RECORD_TYPE, CHART, SPEC, SHARE_EVERYONE, CREATED_AT, UPDATED_AT, VERSION) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            ps.setLong(1, id);
            ps.setString(2, name);
            ps.setString(3, description);
            ps.setString(4, owner);
            ps.setString(5, spec.recordType());
            ps.setString(6, spec.chart().name());
            ps.setString(7, SpecJson.write(spec));
            ps.setBoolean(8, sharing.everyone());
            ps.setTimestamp(9, Timestamp.from(at));
            ps.setTimestamp(10, Timestamp.from(at));
            ps.executeUpdate();
        }
        writeShares(c, id, sharing);
        return new Report(id, 1, name, description, owner, spec, sharing, at);
    }

    /**
     * Changes a report if it still has the version the caller read.
     *
     * @param c the connection
     * @param id the report
     * @param version the version read
     * @param name its name
     * @param description its description
     * @param spec what it computes
     * @param sharing who else sees it
     * @param at now
     * @return the report as changed; empty if it is gone or has another version
     * @throws SQLException if the database refuses
     */
    public static Optional<Report> update(Connection c, long id, long version, String name, String description,
            ReportSpec spec, Sharing sharing, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_REPORT SET NAME = ?, DESCRIPTION = ?, "
                + "RECORD_TYPE = ?, CHART = ?, SPEC = ?, SHARE_EVERYONE = ?, UPDATED_AT = ?, VERSION = VERSION + 1 "
                + "WHERE ID = ? AND VERSION = ?")) {
            ps.setString(1, name);
            ps.setString(2, description);
            ps.setString(3, spec.recordType());
            ps.setString(4, spec.chart().name());
            ps.setString(5, SpecJson.write(spec));
            ps.setBoolean(6, sharing.everyone());
            ps.setTimestamp(7, Timestamp.from(at));
            ps.setLong(8, id);
            ps.setLong(9, version);
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM CRM_REPORT_SHARE WHERE REPORT_ID = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
        writeShares(c, id, sharing);
        return get(c, id);
    }

    /**
     * Deletes a report with its sharing and schedule if it still has the version the caller read.
     *
     * @param c the connection
     * @param id the report
     * @param version the version read
     * @return whether it was deleted
     * @throws SQLException if the database refuses
     */
    public static boolean delete(Connection c, long id, long version) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("UPDATE CRM_REPORT SET VERSION = VERSION WHERE ID = ? "
                + "AND VERSION = ?")) {
            lock.setLong(1, id);
            lock.setLong(2, version);
            if (lock.executeUpdate() == 0) {
                return false;
            }
        }
        for (String table : List.of("CRM_REPORT_SHARE", "CRM_REPORT_SCHEDULE")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE REPORT_ID = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM CRM_REPORT WHERE ID = ?")) {
            ps.setLong(1, id);
            return ps.executeUpdate() == 1;
        }
    }

    /**
     * @param c the connection
     * @param id a report id
     * @return the report, whoever may see it
     * @throws SQLException if the database refuses
     */
    public static Optional<Report> get(Connection c, long id) throws SQLException {
        List<Report> found = query(c, "SELECT " + COLUMNS + " FROM CRM_REPORT WHERE ID = ?", List.of(id));
        return found.stream().findFirst();
    }

    /**
     * The reports a viewer sees, by name: their own, shared with everyone, with their role or one of their groups;
     * every report for an admin. At most {@link #MAX_LIST}.
     *
     * @param c the connection
     * @param viewer who asks
     * @return the reports
     * @throws SQLException if the database refuses
     */
    public static List<Report> visible(Connection c, Viewer viewer) throws SQLException {
        if (viewer.admin()) {
            return query(c, "SELECT " + COLUMNS + " FROM CRM_REPORT ORDER BY NAME, ID", List.of());
        }
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM CRM_REPORT R WHERE R.OWNER = ? "
                + "OR R.SHARE_EVERYONE = ?");
        params.add(viewer.username());
        params.add(Boolean.TRUE);
        Set<String> principals = new LinkedHashSet<>();
        viewer.roleId().ifPresent(role -> principals.add(ROLE + role));
        viewer.groupIds().forEach(group -> principals.add(GROUP + group));
        if (!principals.isEmpty()) {
            sql.append(" OR EXISTS (SELECT 1 FROM CRM_REPORT_SHARE S WHERE S.REPORT_ID = R.ID AND (");
            List<String> parts = new ArrayList<>();
            for (String p : principals) {
                parts.add("(S.KIND = ? AND S.PRINCIPAL = ?)");
                params.add(p.substring(0, 1));
                params.add(p.substring(1));
            }
            sql.append(String.join(" OR ", parts)).append("))");
        }
        sql.append(" ORDER BY NAME, ID");
        return query(c, sql.toString(), params).stream().filter(viewer::sees).toList();
    }

    /**
     * @param c the connection
     * @param recordType a record type id
     * @return the ids of the reports over that type
     * @throws SQLException if the database refuses
     */
    public static Set<Long> idsOfType(Connection c, String recordType) throws SQLException {
        Set<Long> ids = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM CRM_REPORT WHERE RECORD_TYPE = ?")) {
            ps.setString(1, recordType);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static List<Report> query(Connection c, String sql, List<Object> params) throws SQLException {
        Map<Long, Report> reports = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setMaxRows(MAX_LIST);
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    reports.put(id, new Report(id, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            SpecJson.read(rs.getString(6)), new Sharing(rs.getBoolean(7), Set.of(), Set.of()),
                            rs.getTimestamp(8).toInstant()));
                }
            }
        }
        if (reports.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<String>> roles = new LinkedHashMap<>();
        Map<Long, Set<String>> groups = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>(reports.keySet());
        for (int from = 0; from < ids.size(); from += 100) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 100));
            try (PreparedStatement ps = c.prepareStatement("SELECT REPORT_ID, KIND, PRINCIPAL FROM CRM_REPORT_SHARE "
                    + "WHERE REPORT_ID IN (" + chunk.stream().map(id -> "?").collect(Collectors.joining(", ")) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        (ROLE.equals(rs.getString(2)) ? roles : groups)
                                .computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(rs.getString(3));
                    }
                }
            }
        }
        List<Report> result = new ArrayList<>();
        for (Report r : reports.values()) {
            result.add(new Report(r.id(), r.version(), r.name(), r.description(), r.owner(), r.spec(),
                    new Sharing(r.sharing().everyone(), roles.getOrDefault(r.id(), Set.of()),
                            groups.getOrDefault(r.id(), Set.of())), r.updatedAt()));
        }
        return result;
    }

    private static void writeShares(Connection c, long id, Sharing sharing) throws SQLException {
        if (sharing.roles().isEmpty() && sharing.groups().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CRM_REPORT_SHARE (REPORT_ID, KIND, PRINCIPAL) "
                + "VALUES (?, ?, ?)")) {
            for (String role : sharing.roles()) {
                ps.setLong(1, id);
                ps.setString(2, ROLE);
                ps.setString(3, role);
                ps.addBatch();
            }
            for (String group : sharing.groups()) {
                ps.setLong(1, id);
                ps.setString(2, GROUP);
                ps.setString(3, group);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * @param c the connection
     * @param reportId a report
     * @return its schedule; empty when it has none
     * @throws SQLException if the database refuses
     */
    public static Optional<Schedule> schedule(Connection c, long reportId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT FREQUENCY, FORMAT, RECIPIENTS, NEXT_RUN FROM "
                + "CRM_REPORT_SCHEDULE WHERE REPORT_ID = ?")) {
            ps.setLong(1, reportId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp next = rs.getTimestamp(4);
                Set<String> recipients = Arrays.stream(rs.getString(3).split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
                return Optional.of(new Schedule(reportId, Frequency.valueOf(rs.getString(1)),
                        ExportFormat.valueOf(rs.getString(2)), recipients,
                        Optional.ofNullable(next).map(Timestamp::toInstant)));
            }
        }
    }

    /**
     * Sets a report's schedule, or removes it for {@link Frequency#NONE}.
     *
     * @param c the connection
     * @param schedule the schedule
     * @throws SQLException if the database refuses
     */
    public static void putSchedule(Connection c, Schedule schedule) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM CRM_REPORT_SCHEDULE WHERE REPORT_ID = ?")) {
            ps.setLong(1, schedule.reportId());
            ps.executeUpdate();
        }
        if (schedule.frequency() == Frequency.NONE) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CRM_REPORT_SCHEDULE (REPORT_ID, FREQUENCY, FORMAT, "
                + "RECIPIENTS, NEXT_RUN) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, schedule.reportId());
            ps.setString(2, schedule.frequency().name());
            ps.setString(3, schedule.format().name());
            ps.setString(4, String.join(",", schedule.recipients()));
            ps.setTimestamp(5, schedule.next().map(Timestamp::from).orElse(null));
            ps.executeUpdate();
        }
    }
}
