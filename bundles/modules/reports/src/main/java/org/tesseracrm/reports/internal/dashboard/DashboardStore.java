package org.tesseracrm.reports.internal.dashboard;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.reports.api.Sharing;

/**
 * The SQL on dashboards, their widgets, sharing and the default of each profile, run on the connection of the
 * service call ({@code TransactionScope}). Parameters are always bound. Which dashboards a user sees is decided by
 * the service ({@link DashboardRules}); the store reads what it is asked.
 */
final class DashboardStore {
    /** The id generator of dashboards (a row of the module's generator table). */
    static final IdGenerator IDS = new IdGenerator("REPORTS_ID_GEN", "GEN_NAME", "GEN_VALUE", "DASHBOARD");
    /** The most dashboards one list shows. */
    static final int MAX_LIST = 500;
    private static final String COLUMNS = "ID, VERSION, NAME, OWNER, SHARE_EVERYONE, PERIOD_KIND, PERIOD_FROM, "
            + "PERIOD_TO, UPDATED_AT";
    private static final String ROLE = "R";
    private static final String GROUP = "G";

    private DashboardStore() {
    }

    static Dashboard insert(Connection c, String owner, DashboardInput input, String name, Instant at)
            throws SQLException {
        long id = ModuleSql.reserveIds(c, IDS, 1);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CRM_DASHBOARD (ID, NAME, OWNER, SHARE_EVERYONE, "
                + "PERIOD_KIND, PERIOD_FROM, PERIOD_TO, UPDATED_AT, VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            ps.setLong(1, id);
            ps.setString(2, name);
            ps.setString(3, owner);
            setRest(ps, 4, input, at);
            ps.executeUpdate();
        }
        writeParts(c, id, input);
        return get(c, id).orElseThrow();
    }

    static Optional<Dashboard> update(Connection c, DashboardInput input, String name, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_DASHBOARD SET NAME = ?, SHARE_EVERYONE = ?, "
                + "PERIOD_KIND = ?, PERIOD_FROM = ?, PERIOD_TO = ?, UPDATED_AT = ?, VERSION = VERSION + 1 "
                + "WHERE ID = ? AND VERSION = ?")) {
            ps.setString(1, name);
            setRest(ps, 2, input, at);
            ps.setLong(7, input.id());
            ps.setLong(8, input.version());
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        }
        deleteParts(c, input.id());
        writeParts(c, input.id(), input);
        return get(c, input.id());
    }

    /** Binds SHARE_EVERYONE, PERIOD_KIND, PERIOD_FROM, PERIOD_TO and UPDATED_AT from {@code first} on. */
    private static void setRest(PreparedStatement ps, int first, DashboardInput input, Instant at) throws SQLException {
        ps.setBoolean(first, input.sharing().everyone());
        ps.setString(first + 1, input.period().choice().name());
        ps.setDate(first + 2, input.period().from().map(Date::valueOf).orElse(null));
        ps.setDate(first + 3, input.period().to().map(Date::valueOf).orElse(null));
        ps.setTimestamp(first + 4, Timestamp.from(at));
    }

    static boolean delete(Connection c, long id, long version) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("UPDATE CRM_DASHBOARD SET VERSION = VERSION WHERE ID = ? "
                + "AND VERSION = ?")) {
            lock.setLong(1, id);
            lock.setLong(2, version);
            if (lock.executeUpdate() == 0) {
                return false;
            }
        }
        deleteParts(c, id);
        update(c, "DELETE FROM CRM_DASHBOARD_DEFAULT WHERE DASHBOARD_ID = ?", id);
        return update(c, "DELETE FROM CRM_DASHBOARD WHERE ID = ?", id) == 1;
    }

    static Optional<Dashboard> get(Connection c, long id) throws SQLException {
        return query(c, Optional.of(id)).stream().findFirst();
    }

    /** @return every dashboard, by name (the service keeps those the caller sees) */
    static List<Dashboard> all(Connection c) throws SQLException {
        return query(c, Optional.empty());
    }

    /** @return the default dashboard's id by profile id */
    static Map<Long, Long> defaults(Connection c) throws SQLException {
        Map<Long, Long> defaults = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT PROFILE_ID, DASHBOARD_ID FROM CRM_DASHBOARD_DEFAULT "
                + "ORDER BY PROFILE_ID"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                defaults.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return defaults;
    }

    static void setDefault(Connection c, long profileId, Optional<Long> dashboardId) throws SQLException {
        update(c, "DELETE FROM CRM_DASHBOARD_DEFAULT WHERE PROFILE_ID = ?", profileId);
        if (dashboardId.isPresent()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CRM_DASHBOARD_DEFAULT (PROFILE_ID, "
                    + "DASHBOARD_ID) VALUES (?, ?)")) {
                ps.setLong(1, profileId);
                ps.setLong(2, dashboardId.get());
                ps.executeUpdate();
            }
        }
    }

    private static int update(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            return ps.executeUpdate();
        }
    }

    private static void deleteParts(Connection c, long id) throws SQLException {
        update(c, "DELETE FROM CRM_DASHBOARD_WIDGET WHERE DASHBOARD_ID = ?", id);
        update(c, "DELETE FROM CRM_DASHBOARD_SHARE WHERE DASHBOARD_ID = ?", id);
    }

    private static void writeParts(Connection c, long id, DashboardInput input) throws SQLException {
        if (!input.widgets().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO CRM_DASHBOARD_WIDGET (DASHBOARD_ID, POS, "
                    + "REPORT_KEY, WIDTH) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < input.widgets().size(); i++) {
                    ps.setLong(1, id);
                    ps.setInt(2, i);
                    ps.setString(3, input.widgets().get(i).reportKey());
                    ps.setInt(4, input.widgets().get(i).width());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        List<String[]> shares = new ArrayList<>();
        input.sharing().roles().forEach(role -> shares.add(new String[] {ROLE, role}));
        input.sharing().groups().forEach(group -> shares.add(new String[] {GROUP, group}));
        if (shares.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CRM_DASHBOARD_SHARE (DASHBOARD_ID, KIND, PRINCIPAL) "
                + "VALUES (?, ?, ?)")) {
            for (String[] share : shares) {
                ModuleSql.bind(ps, List.of(id, share[0], share[1]));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** A dashboard row before its widgets and shares are read. */
    private record Head(long id, long version, String name, String owner, boolean everyone, DashboardPeriod period,
            Instant updatedAt) {
    }

    /**
     * @param c the connection
     * @param id one dashboard, or empty for all
     * @return the dashboards, by name, with their widgets and shares
     */
    private static List<Dashboard> query(Connection c, Optional<Long> id) throws SQLException {
        List<Object> params = id.<List<Object>>map(List::of).orElse(List.of());
        String filter = id.isEmpty() ? "" : " WHERE ID = ?";
        Map<Long, Head> heads = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM CRM_DASHBOARD" + filter
                + " ORDER BY NAME, ID")) {
            ps.setMaxRows(MAX_LIST);
            ModuleSql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads.put(rs.getLong(1), head(rs));
                }
            }
        }
        String parts = id.isEmpty() ? "" : " WHERE DASHBOARD_ID = ?";
        Map<Long, List<Widget>> widgets = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DASHBOARD_ID, REPORT_KEY, WIDTH FROM CRM_DASHBOARD_WIDGET"
                + parts + " ORDER BY DASHBOARD_ID, POS")) {
            ModuleSql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    widgets.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Widget(rs.getString(2),
                            rs.getInt(3)));
                }
            }
        }
        Map<String, Map<Long, Set<String>>> shared = Map.of(ROLE, new LinkedHashMap<>(), GROUP, new LinkedHashMap<>());
        try (PreparedStatement ps = c.prepareStatement("SELECT DASHBOARD_ID, KIND, PRINCIPAL FROM CRM_DASHBOARD_SHARE"
                + parts)) {
            ModuleSql.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<Long, Set<String>> ofKind = shared.get(rs.getString(2).strip());
                    if (ofKind != null) {
                        ofKind.computeIfAbsent(rs.getLong(1), k -> new LinkedHashSet<>()).add(rs.getString(3));
                    }
                }
            }
        }
        List<Dashboard> found = new ArrayList<>();
        for (Head h : heads.values()) {
            Sharing sharing = new Sharing(h.everyone(), shared.get(ROLE).getOrDefault(h.id(), Set.of()),
                    shared.get(GROUP).getOrDefault(h.id(), Set.of()));
            found.add(new Dashboard(h.id(), h.version(), h.name(), h.owner(), sharing, h.period(),
                    widgets.getOrDefault(h.id(), List.of()), h.updatedAt()));
        }
        return found;
    }

    private static Head head(ResultSet rs) throws SQLException {
        DashboardPeriod.Choice choice = DashboardPeriod.Choice.valueOf(rs.getString(6));
        Date from = rs.getDate(7);
        Date to = rs.getDate(8);
        DashboardPeriod period = choice != DashboardPeriod.Choice.CUSTOM ? DashboardPeriod.of(choice)
                : from != null && to != null ? DashboardPeriod.custom(from.toLocalDate(), to.toLocalDate())
                : DashboardPeriod.ALL;
        return new Head(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), period,
                rs.getTimestamp(9).toInstant());
    }
}
