package org.tesseracrm.kernel.core.internal.timer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.TimerCounts;
import org.tesseracrm.kernel.api.timer.TimerInfo;
import org.tesseracrm.kernel.api.timer.TimerState;

/**
 * The timer table {@code CRM_TIMER} (changeset {@code kernel-006-timers}). Every change of a row adds one
 * to its {@code VERSION}, and every change a node makes to a row it read is conditional on that
 * version: two nodes that read the same due row both try to claim it, and only the one whose
 * {@code UPDATE} counted a row runs it (on PostgreSQL the second update waits for the first, re-reads
 * the row and no longer matches). A run that was overtaken by a reschedule or an admin's retry finds
 * its version gone and leaves the row as the newer change left it. Times are stored as UTC.
 */
class TimerStore {
    static final IdGenerator IDS = new IdGenerator("KERNEL_ID_GEN", "GEN_NAME", "GEN_VALUE", "TIMER");
    private static final String COLUMNS = "ID, HANDLER, TIMER_KEY, DUE_AT, PAYLOAD, STATE, ATTEMPTS, LAST_ERROR,"
            + " CLAIMED_BY, CLAIMED_AT, VERSION";
    private static final int MAX_ERROR = 1000;
    /** Ids taken at once: a timer scheduled in a user's change then seldom needs the id connection. */
    private static final int ID_BLOCK = 50;

    private final DataSource dataSource;
    private final Clock clock;
    private final TransactionScope scope;
    private long nextId;
    private long lastId = -1;

    /** A row as read, with the version any change of it is conditional on. */
    record Row(TimerInfo info, long version) {
    }

    /** A row this node claimed: what its handler gets, and the version the claim left. */
    record Claim(DueTimer timer, long version) {
    }

    /**
     * @param dataSource the CRM DataSource
     * @param clock what "now" is
     * @param scope the transaction scope whose {@link TransactionScope#reserveIds} gives the timers' ids, committed at
     *     once: a timer scheduled inside a user's change must not hold the id row's lock until that change commits,
     *     which would make every change that schedules one wait for the others
     */
    TimerStore(DataSource dataSource, Clock clock, TransactionScope scope) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.scope = scope;
    }

    Instant now() {
        return clock.instant();
    }

    /** Inserts the timer, or replaces the due time and payload of the one with the same handler and key. */
    long schedule(String handler, String key, Instant dueAt, String payload) {
        return ModuleSql.inTransaction(dataSource, c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE CRM_TIMER SET DUE_AT = ?, PAYLOAD = ?,"
                    + " STATE = ?, ATTEMPTS = 0, LAST_ERROR = NULL, VERSION = VERSION + 1 WHERE HANDLER = ? AND TIMER_KEY = ?")) {
                ModuleSql.bind(update, List.of(utc(dueAt), payload, TimerState.PENDING.name(), handler, key));
                if (update.executeUpdate() == 1) {
                    return findIn(c, handler, key).orElseThrow().info().id();
                }
            }
            long id = nextId();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO CRM_TIMER (ID, HANDLER, TIMER_KEY, DUE_AT,"
                    + " PAYLOAD, STATE, ATTEMPTS, VERSION, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, 0, 0, ?)")) {
                ModuleSql.bind(insert, List.of(id, handler, key, utc(dueAt), payload, TimerState.PENDING.name(),
                        utc(now())));
                insert.executeUpdate();
            }
            return id;
        });
    }

    private synchronized long nextId() {
        if (nextId > lastId) {
            nextId = scope.reserveIds(IDS, ID_BLOCK);
            lastId = nextId + ID_BLOCK - 1;
        }
        return nextId++;
    }

    boolean cancel(String handler, String key) {
        return ModuleSql.update(dataSource, "DELETE FROM CRM_TIMER WHERE HANDLER = ? AND TIMER_KEY = ?",
                List.of(handler, key)) > 0;
    }

    Optional<Row> find(String handler, String key) {
        return ModuleSql.inTransaction(dataSource, c -> findIn(c, handler, key));
    }

    Optional<Row> byId(long id) {
        return ModuleSql.query(dataSource, "SELECT " + COLUMNS + " FROM CRM_TIMER WHERE ID = ?", List.of(id), 1,
                TimerStore::read).stream().findFirst();
    }

    List<TimerInfo> list(TimerState state, int limit) {
        return ModuleSql.query(dataSource, "SELECT " + COLUMNS + " FROM CRM_TIMER WHERE STATE = ? ORDER BY DUE_AT, ID",
                List.of(state.name()), limit, TimerStore::read).stream().map(Row::info).toList();
    }

    TimerCounts counts() {
        Map<TimerState, Long> byState = new EnumMap<>(TimerState.class);
        ModuleSql.query(dataSource, "SELECT STATE, COUNT(*) FROM CRM_TIMER GROUP BY STATE", List.of(), 10,
                rs -> byState.put(TimerState.valueOf(rs.getString(1)), rs.getLong(2)));
        long retried = ModuleSql.query(dataSource, "SELECT COUNT(*) FROM CRM_TIMER WHERE STATE <> ? AND LAST_ERROR IS NOT NULL",
                List.of(TimerState.FAILED.name()), 1, rs -> rs.getLong(1)).get(0);
        return new TimerCounts(byState.getOrDefault(TimerState.PENDING, 0L), byState.getOrDefault(TimerState.RUNNING, 0L),
                byState.getOrDefault(TimerState.FAILED, 0L), retried);
    }

    long countFailed() {
        return ModuleSql.query(dataSource, "SELECT COUNT(*) FROM CRM_TIMER WHERE STATE = ?", List.of(TimerState.FAILED.name()),
                1, rs -> rs.getLong(1)).get(0);
    }

    /**
     * An admin's retry: a failed timer becomes pending, due now, with no attempts; its last error stays for reference.
     *
     * @return the timer as the retry left it, or empty if it changed since it was read
     */
    Optional<TimerInfo> retry(Row failed) {
        Instant now = now();
        TimerInfo was = failed.info();
        if (ModuleSql.update(dataSource, "UPDATE CRM_TIMER SET STATE = ?, DUE_AT = ?, ATTEMPTS = 0, VERSION = VERSION + 1"
                + " WHERE ID = ? AND VERSION = ? AND STATE = ?", List.of(TimerState.PENDING.name(), utc(now),
                        was.id(), failed.version(), TimerState.FAILED.name())) != 1) {
            return Optional.empty();
        }
        return Optional.of(new TimerInfo(was.id(), was.handler(), was.key(), now, was.payload(), TimerState.PENDING, 0,
                was.lastError(), was.claimedBy(), was.claimedAt()));
    }

    /**
     * @param handlers the handler names registered on this node (only their timers are looked at)
     * @param staleBefore a running claim older than this is taken to be of a node that died
     * @param node this node: its own running claims are orphans of an earlier run of this node (this
     *     node runs one timer at a time and asks only between timers)
     * @param limit the most rows
     * @return pending rows that are due, then running rows whose claim is stale or this node's, earliest due first
     */
    List<Row> due(Collection<String> handlers, Instant staleBefore, String node, int limit) {
        if (handlers.isEmpty()) {
            return List.of();
        }
        String in = " AND HANDLER IN (" + ModuleSql.placeholders(handlers.size()) + ")";
        List<Object> pending = new ArrayList<>(List.of(TimerState.PENDING.name(), utc(now())));
        pending.addAll(handlers);
        List<Row> rows = new ArrayList<>(ModuleSql.query(dataSource, "SELECT " + COLUMNS + " FROM CRM_TIMER WHERE STATE = ?"
                + " AND DUE_AT <= ?" + in + " ORDER BY DUE_AT, ID", pending, limit, TimerStore::read));
        if (rows.size() < limit) {
            List<Object> stale = new ArrayList<>(List.of(TimerState.RUNNING.name(), utc(staleBefore), node));
            stale.addAll(handlers);
            rows.addAll(ModuleSql.query(dataSource, "SELECT " + COLUMNS + " FROM CRM_TIMER WHERE STATE = ?"
                    + " AND (CLAIMED_AT < ? OR CLAIMED_BY = ?)" + in + " ORDER BY DUE_AT, ID", stale, limit - rows.size(),
                    TimerStore::read));
        }
        return rows;
    }

    /** @return the claim if this node's conditional update took the row, empty if another node was first */
    Optional<Claim> claim(Row row, String node) {
        TimerInfo info = row.info();
        int taken = ModuleSql.update(dataSource, "UPDATE CRM_TIMER SET STATE = ?, CLAIMED_BY = ?, CLAIMED_AT = ?,"
                + " ATTEMPTS = ATTEMPTS + 1, VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ? AND STATE = ?",
                List.of(TimerState.RUNNING.name(), node, utc(now()), info.id(), row.version(), info.state().name()));
        if (taken != 1) {
            return Optional.empty();
        }
        return Optional.of(new Claim(new DueTimer(info.id(), info.handler(), info.key(), info.dueAt(), info.payload(),
                info.attempts() + 1), row.version() + 1));
    }

    /** The run succeeded: the row goes, unless it was rescheduled meanwhile. */
    boolean done(Claim claim) {
        return ModuleSql.update(dataSource, "DELETE FROM CRM_TIMER WHERE ID = ? AND VERSION = ?",
                List.of(claim.timer().id(), claim.version())) == 1;
    }

    /** The handler went away between the read and the run: the row waits again, the attempt not counted. */
    boolean release(Claim claim) {
        return ModuleSql.update(dataSource, "UPDATE CRM_TIMER SET STATE = ?, ATTEMPTS = ATTEMPTS - 1, VERSION = VERSION + 1"
                + " WHERE ID = ? AND VERSION = ?", List.of(TimerState.PENDING.name(), claim.timer().id(), claim.version())) == 1;
    }

    /**
     * The run failed.
     *
     * @param retryAt when to try again, or empty to give up (state FAILED)
     */
    boolean failed(Claim claim, String error, Optional<Instant> retryAt) {
        String message = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR - 1) + "…" : error;
        if (retryAt.isPresent()) {
            return ModuleSql.update(dataSource, "UPDATE CRM_TIMER SET STATE = ?, DUE_AT = ?, LAST_ERROR = ?,"
                    + " VERSION = VERSION + 1 WHERE ID = ? AND VERSION = ?", List.of(TimerState.PENDING.name(),
                            utc(retryAt.get()), message, claim.timer().id(), claim.version())) == 1;
        }
        return ModuleSql.update(dataSource, "UPDATE CRM_TIMER SET STATE = ?, LAST_ERROR = ?, VERSION = VERSION + 1"
                + " WHERE ID = ? AND VERSION = ?", List.of(TimerState.FAILED.name(), message, claim.timer().id(),
                        claim.version())) == 1;
    }

    private static Optional<Row> findIn(Connection c, String handler, String key) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM CRM_TIMER WHERE HANDLER = ?"
                + " AND TIMER_KEY = ?")) {
            ModuleSql.bind(select, List.of(handler, key));
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    private static Row read(ResultSet rs) throws SQLException {
        Timestamp claimedAt = rs.getTimestamp("CLAIMED_AT");
        String payload = rs.getString("PAYLOAD");
        TimerInfo info = new TimerInfo(rs.getLong("ID"), rs.getString("HANDLER"), rs.getString("TIMER_KEY"),
                instant(rs.getTimestamp("DUE_AT")), payload == null ? "" : payload, TimerState.valueOf(rs.getString("STATE")),
                rs.getInt("ATTEMPTS"), Optional.ofNullable(rs.getString("LAST_ERROR")),
                Optional.ofNullable(rs.getString("CLAIMED_BY")), Optional.ofNullable(claimedAt).map(TimerStore::instant));
        return new Row(info, rs.getLong("VERSION"));
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }
}
