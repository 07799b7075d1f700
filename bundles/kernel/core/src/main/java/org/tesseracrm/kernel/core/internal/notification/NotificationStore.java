package org.tesseracrm.kernel.core.internal.notification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.notification.NotificationInput;
import org.tesseracrm.kernel.api.notification.NotificationReceipt;
import org.tesseracrm.kernel.api.notification.Notifications;
import org.tesseracrm.kernel.api.record.IdGenerator;

/**
 * The table {@code CRM_NOTIFICATION} (changeset {@code kernel-008-notifications}). A source key is unique per recipient
 * through the constraint {@code UQ_CRM_NOTIFICATION_SOURCE} ({@code SOURCE_KEY} is NULL without one, and NULLs never
 * collide): of two sends with the same key at once, the database lets one insert and makes the other wait for it, then
 * refuses it; that one rolls back to a savepoint (so the caller's transaction goes on, which PostgreSQL would otherwise
 * abort) and answers the row that won. Times are stored as UTC.
 */
class NotificationStore {
    static final IdGenerator IDS = new IdGenerator("KERNEL_ID_GEN", "GEN_NAME", "GEN_VALUE", "NOTIFICATION");
    /** SQL state of a unique constraint violation, on Derby and PostgreSQL alike. */
    private static final String DUPLICATE = "23505";
    private static final String COLUMNS = "ID, TITLE, BODY, RECORD_TYPE, RECORD_ID, SOURCE_KEY, CREATED_AT, IS_READ";

    private final DataSource dataSource;
    private final TransactionScope scope;
    private final Clock clock;

    /** A stored row, before the record's title is filled in for its reader. */
    record Row(long id, String title, String text, String recordType, long recordId, String source, Instant createdAt,
            boolean read) {
    }

    /**
     * @param dataSource the CRM database; inside a scope its connections are the scope's
     * @param scope the caller's transaction, which a send joins
     * @param clock the time stamps
     */
    NotificationStore(DataSource dataSource, TransactionScope scope, Clock clock) {
        this.dataSource = dataSource;
        this.scope = scope;
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    /** @return whether a user of that name exists */
    boolean userExists(String username) {
        return !ModuleSql.query(dataSource, "SELECT ID FROM CRM_USER WHERE USERNAME = ?", List.of(username), 1,
                rs -> rs.getLong(1)).isEmpty();
    }

    /**
     * Stores a checked notification in the caller's transaction, or finds the one stored earlier with its source key.
     *
     * @return its id and whether this call stored it
     */
    NotificationReceipt insert(String username, NotificationInput input) {
        String source = input.source().isEmpty() ? null : input.source();
        return scope.required(c -> {
            if (source != null) {
                Optional<Long> earlier = bySource(c, username, source);
                if (earlier.isPresent()) {
                    return new NotificationReceipt(earlier.get(), false);
                }
            }
            // ids come from a transaction of their own, so a long caller's transaction holds no lock on the id row
            long id = scope.reserveIds(IDS, 1);
            Savepoint before = source == null ? null : c.setSavepoint();
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO CRM_NOTIFICATION (ID, RECIPIENT, TITLE, BODY,"
                    + " RECORD_TYPE, RECORD_ID, SOURCE_KEY, CREATED_AT, IS_READ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ModuleSql.bind(insert, java.util.Arrays.asList(id, username, input.title(),
                        input.text().isEmpty() ? null : input.text(), input.hasRecord() ? input.recordType() : null,
                        input.hasRecord() ? input.recordId() : null, source, utc(now()), Boolean.FALSE));
                insert.executeUpdate();
            } catch (SQLException e) {
                if (before == null || !DUPLICATE.equals(e.getSQLState())) {
                    throw e;
                }
                c.rollback(before); // another send with this key committed first
                return new NotificationReceipt(bySource(c, username, source).orElseThrow(() -> e), false);
            }
            if (before != null) {
                c.releaseSavepoint(before);
            }
            return new NotificationReceipt(id, true);
        });
    }

    /** @return the user's notifications, newest first */
    List<Row> newest(String username, int limit) {
        return ModuleSql.query(dataSource, "SELECT " + COLUMNS + " FROM CRM_NOTIFICATION WHERE RECIPIENT = ?"
                + " ORDER BY CREATED_AT DESC, ID DESC", List.of(username), limit, NotificationStore::read);
    }

    int unread(String username) {
        return ModuleSql.query(dataSource, "SELECT COUNT(*) FROM CRM_NOTIFICATION WHERE RECIPIENT = ? AND IS_READ = ?",
                List.of(username, Boolean.FALSE), 1, rs -> rs.getInt(1)).get(0);
    }

    /** @return whether the user has a notification of that id (it is read now) */
    boolean markRead(String username, long id) {
        return scope.required(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE CRM_NOTIFICATION SET IS_READ = ?"
                    + " WHERE ID = ? AND RECIPIENT = ?")) {
                ModuleSql.bind(update, List.of(Boolean.TRUE, id, username));
                return update.executeUpdate() == 1;
            }
        });
    }

    /** @return how many were unread */
    int markAllRead(String username) {
        return scope.required(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE CRM_NOTIFICATION SET IS_READ = ?"
                    + " WHERE RECIPIENT = ? AND IS_READ = ?")) {
                ModuleSql.bind(update, List.of(Boolean.TRUE, username, Boolean.FALSE));
                return update.executeUpdate();
            }
        });
    }

    /**
     * Drops the user's read notifications older than {@value Notifications#READ_KEPT_DAYS} days and everything beyond the
     * {@value Notifications#KEPT_PER_USER} newest, in a transaction of its own.
     *
     * @return how many were dropped
     */
    int applyRetention(String username) {
        return scope.requiresNew(c -> {
            int dropped;
            try (PreparedStatement old = c.prepareStatement("DELETE FROM CRM_NOTIFICATION WHERE RECIPIENT = ?"
                    + " AND IS_READ = ? AND CREATED_AT < ?")) {
                ModuleSql.bind(old, List.of(username, Boolean.TRUE, utc(NotificationRules.readCutoff(now()))));
                dropped = old.executeUpdate();
            }
            List<Long> newestFirst = new ArrayList<>();
            try (PreparedStatement ids = c.prepareStatement("SELECT ID FROM CRM_NOTIFICATION WHERE RECIPIENT = ?"
                    + " ORDER BY CREATED_AT DESC, ID DESC")) {
                ids.setMaxRows(Notifications.KEPT_PER_USER + 1000);
                ids.setString(1, username);
                try (ResultSet rs = ids.executeQuery()) {
                    while (rs.next()) {
                        newestFirst.add(rs.getLong(1));
                    }
                }
            }
            List<Long> beyond = NotificationRules.beyondKept(newestFirst);
            for (int from = 0; from < beyond.size(); from += 100) {
                List<Long> chunk = beyond.subList(from, Math.min(beyond.size(), from + 100));
                try (PreparedStatement drop = c.prepareStatement("DELETE FROM CRM_NOTIFICATION WHERE ID IN ("
                        + ModuleSql.placeholders(chunk.size()) + ")")) {
                    ModuleSql.bind(drop, chunk);
                    dropped += drop.executeUpdate();
                }
            }
            return dropped;
        });
    }

    private static Optional<Long> bySource(Connection c, String username, String source) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT ID FROM CRM_NOTIFICATION WHERE RECIPIENT = ?"
                + " AND SOURCE_KEY = ?")) {
            ModuleSql.bind(select, List.of(username, source));
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    private static Row read(ResultSet rs) throws SQLException {
        String text = rs.getString("BODY");
        String type = rs.getString("RECORD_TYPE");
        String source = rs.getString("SOURCE_KEY");
        return new Row(rs.getLong("ID"), rs.getString("TITLE"), text == null ? "" : text, type == null ? "" : type,
                rs.getLong("RECORD_ID"), source == null ? "" : source,
                rs.getTimestamp("CREATED_AT").toLocalDateTime().toInstant(ZoneOffset.UTC), rs.getBoolean("IS_READ"));
    }

    private static Timestamp utc(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
