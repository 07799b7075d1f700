package org.tesseracrm.cases.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.cases.api.StatusKind;

/**
 * The module's own SQL, run on the connection of the record change or service call it belongs to. Public for the
 * SLA package of this bundle, which reads the kinds and writes the SLA columns through it.
 */
public final class CaseStore {
    /** The row of {@code CASE_NUMBER_SEQ} whose lock makes the first number of a new prefix one transaction's. */
    static final String LOCK_ROW = "-";
    /** How far a chain of dependencies is followed before it counts as a cycle (no real chain is this long). */
    static final int MAX_CHAIN = 10_000;

    private CaseStore() {
    }

    /**
     * Takes the next number of a prefix: the prefix's row is locked by the update until the transaction ends, so two
     * transactions never get the same number (the unique constraint on {@code NUMBER_KEY} backs this up). The first
     * number of a prefix inserts its row under the lock of row {@value #LOCK_ROW}, so two transactions starting a
     * prefix do not both insert it. A rolled-back create gives its number back; a committed one leaves no gap.
     *
     * @param c the change's connection
     * @param prefix the case type's prefix
     * @return the prefix's next number, from 1
     * @throws SQLException on a database failure
     */
    static long nextNumber(Connection c, String prefix) throws SQLException {
        if (bump(c, prefix)) {
            return last(c, prefix);
        }
        try (PreparedStatement lock = c.prepareStatement(
                "UPDATE CASE_NUMBER_SEQ SET LAST_NUMBER = LAST_NUMBER WHERE PREFIX = ?")) {
            lock.setString(1, LOCK_ROW); // inserted by the changelog
            lock.executeUpdate();
        }
        if (!bump(c, prefix)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO CASE_NUMBER_SEQ (PREFIX, LAST_NUMBER) VALUES (?, 1)")) {
                ps.setString(1, prefix);
                ps.executeUpdate();
            }
        }
        return last(c, prefix);
    }

    private static boolean bump(Connection c, String prefix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE CASE_NUMBER_SEQ SET LAST_NUMBER = LAST_NUMBER + 1 WHERE PREFIX = ?")) {
            ps.setString(1, prefix);
            return ps.executeUpdate() == 1;
        }
    }

    private static long last(Connection c, String prefix) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT LAST_NUMBER FROM CASE_NUMBER_SEQ WHERE PREFIX = ?")) {
            ps.setString(1, prefix);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Gives a new case its number.
     *
     * @param c the change's connection
     * @param id the case
     * @param number its number
     * @throws SQLException on a database failure (a number taken: the unique constraint)
     */
    static void setNumber(Connection c, long id, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE CRM_CASE SET CASE_NUMBER = ?, NUMBER_KEY = ? WHERE ID = ?")) {
            ps.setString(1, number);
            ps.setString(2, number);
            ps.setLong(3, id);
            ps.executeUpdate();
        }
    }

    /**
     * @param c a connection
     * @return every type's stored prefix
     * @throws SQLException on a database failure
     */
    static Map<String, String> prefixes(Connection c) throws SQLException {
        Map<String, String> prefixes = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT CASE_TYPE, PREFIX FROM CASE_TYPE_PREFIX");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                prefixes.put(rs.getString(1), rs.getString(2));
            }
        }
        return prefixes;
    }

    /**
     * @param c a connection
     * @param type a case type
     * @return its stored prefix, if the admin (or the changelog) gave it one
     * @throws SQLException on a database failure
     */
    static Optional<String> prefix(Connection c, String type) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT PREFIX FROM CASE_TYPE_PREFIX WHERE CASE_TYPE = ?")) {
            ps.setString(1, type);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * @param c a connection
     * @param type a case type
     * @param prefix its new prefix
     * @throws SQLException on a database failure
     */
    static void setPrefix(Connection c, String type, String prefix) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE CASE_TYPE_PREFIX SET PREFIX = ? WHERE CASE_TYPE = ?")) {
            update.setString(1, prefix);
            update.setString(2, type);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO CASE_TYPE_PREFIX (CASE_TYPE, PREFIX) VALUES (?, ?)")) {
            insert.setString(1, type);
            insert.setString(2, prefix);
            insert.executeUpdate();
        }
    }

    /**
     * @param c a connection
     * @return the kind of every status that has one stored
     * @throws SQLException on a database failure
     */
    public static Map<String, StatusKind> kinds(Connection c) throws SQLException {
        Map<String, StatusKind> kinds = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT STATUS, KIND FROM CASE_STATUS_KIND");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                kinds.put(rs.getString(1), StatusKind.parse(rs.getString(2)).orElse(StatusKind.OPEN));
            }
        }
        return kinds;
    }

    /**
     * @param c a connection
     * @param status a status value; empty for none
     * @return its kind; {@link StatusKind#OPEN} for none or a status without a stored kind
     * @throws SQLException on a database failure
     */
    public static StatusKind kind(Connection c, String status) throws SQLException {
        if (status == null || status.isEmpty()) {
            return StatusKind.OPEN;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT KIND FROM CASE_STATUS_KIND WHERE STATUS = ?")) {
            ps.setString(1, status);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? StatusKind.parse(rs.getString(1)).orElse(StatusKind.OPEN) : StatusKind.OPEN;
            }
        }
    }

    /**
     * @param c a connection
     * @param status a status value
     * @param kind its kind
     * @throws SQLException on a database failure
     */
    static void setKind(Connection c, String status, StatusKind kind) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE CASE_STATUS_KIND SET KIND = ? WHERE STATUS = ?")) {
            update.setString(1, kind.code());
            update.setString(2, status);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO CASE_STATUS_KIND (STATUS, KIND) VALUES (?, ?)")) {
            insert.setString(1, status);
            insert.setString(2, kind.code());
            insert.executeUpdate();
        }
    }

    /**
     * A case's status and what it depends on, as stored (whoever may see it).
     *
     * @param number the case number
     * @param subject the subject
     * @param status the status; empty for none
     * @param dependsOn the case it depends on; empty for none
     */
    record Link(String number, String subject, String status, Optional<Long> dependsOn) {
    }

    /**
     * @param c a connection
     * @param id a case id
     * @return the case's number, status and dependency; empty if there is no such case
     * @throws SQLException on a database failure
     */
    static Optional<Link> link(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT CASE_NUMBER, SUBJECT, STATUS, DEPENDS_ON_ID FROM CRM_CASE WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long dependsOn = rs.getLong(4);
                Optional<Long> on = rs.wasNull() ? Optional.empty() : Optional.of(dependsOn);
                String status = rs.getString(3);
                return Optional.of(new Link(rs.getString(1), rs.getString(2), status == null ? "" : status, on));
            }
        }
    }

    /**
     * Whether making case {@code id} depend on {@code target} would close a loop: {@code target} is {@code id}, or
     * depends on it through the chain of dependencies.
     *
     * @param c a connection
     * @param id the case that would depend
     * @param target the case it would depend on
     * @return true for a cycle (a chain longer than {@value #MAX_CHAIN} counts as one)
     * @throws SQLException on a database failure
     */
    static boolean closesCycle(Connection c, long id, long target) throws SQLException {
        Optional<Long> next = Optional.of(target);
        for (int steps = 0; next.isPresent(); steps++) {
            if (next.get() == id || steps > MAX_CHAIN) {
                return true;
            }
            next = link(c, next.get()).flatMap(Link::dependsOn);
        }
        return false;
    }

    /**
     * @param c the change's connection
     * @param id a case
     * @param solvedAt when it was solved or closed; null to clear
     * @throws SQLException on a database failure
     */
    static void setSolvedAt(Connection c, long id, LocalDateTime solvedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_CASE SET SOLVED_AT = ? WHERE ID = ?")) {
            ps.setTimestamp(1, solvedAt == null ? null : Timestamp.valueOf(solvedAt));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /**
     * @param c a connection
     * @param id a case
     * @param limit the most ids read
     * @return the ids of the cases that depend on it, oldest first
     * @throws SQLException on a database failure
     */
    static java.util.List<Long> dependents(Connection c, long id, int limit) throws SQLException {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM CRM_CASE WHERE DEPENDS_ON_ID = ? ORDER BY ID")) {
            ps.setLong(1, id);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /**
     * Takes a deleted case out of the cases that depend on it.
     *
     * @param c the delete's connection
     * @param id the deleted case
     * @throws SQLException on a database failure
     */
    static void unlinkDependents(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_CASE SET DEPENDS_ON_ID = NULL WHERE DEPENDS_ON_ID = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    /**
     * Writes a case's SLA columns, the only writer of them: the SLA code of this bundle, in the transaction of the
     * change or timer it belongs to. They are not record fields a user may set ({@code RecordType.setByModule}).
     *
     * @param c the transaction's connection
     * @param id a case
     * @param dueAt the SLA due time (UTC); null for none
     * @param state the SLA state (one of {@code CaseFields.SLA_STATES}); null for none
     * @param escalationLevel how many levels up it was escalated; null for none
     * @throws SQLException on a database failure
     */
    public static void setSla(Connection c, long id, LocalDateTime dueAt, String state, Integer escalationLevel)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE CRM_CASE SET SLA_DUE_AT = ?, SLA_STATE = ?, ESCALATION_LEVEL = ? WHERE ID = ?")) {
            ps.setTimestamp(1, dueAt == null ? null : Timestamp.valueOf(dueAt));
            ps.setString(2, state);
            if (escalationLevel == null) {
                ps.setNull(3, java.sql.Types.DECIMAL);
            } else {
                ps.setBigDecimal(3, java.math.BigDecimal.valueOf(escalationLevel));
            }
            ps.setLong(4, id);
            ps.executeUpdate();
        }
    }
}
