package org.tesseracrm.automation.internal.assignment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.tesseracrm.automation.api.AssignmentRule;
import org.tesseracrm.automation.internal.engine.Conditions;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.IdGenerator;

/** The assignment rules' SQL, on the connection of the service call or record change it belongs to. */
final class AssignmentStore {
    private static final IdGenerator IDS = new IdGenerator("AUTOMATION_ASSIGN_ID_GEN", "GEN_NAME", "GEN_VALUE", "RULE");
    private static final String COLUMNS = "ID, RECORD_TYPE, POSITION, NAME, CRITERIA, STRATEGY, POOL, POOL_NAME, "
            + "OPEN_FILTERS, ACTIVE";

    private AssignmentStore() {
    }

    /** @return every rule, by record type and position */
    static List<AssignmentRule> all(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM AUTOMATION_ASSIGN_RULE ORDER BY RECORD_TYPE, POSITION, ID");
                ResultSet rs = s.executeQuery()) {
            List<AssignmentRule> rules = new ArrayList<>();
            while (rs.next()) {
                rules.add(new AssignmentRule(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        Conditions.criteria(rs.getString(5)), AssignmentRule.Strategy.valueOf(rs.getString(6)),
                        AssignmentRule.Pool.valueOf(rs.getString(7)), rs.getString(8),
                        Conditions.filters(rs.getString(9)), rs.getBoolean(10)));
            }
            return rules;
        }
    }

    /** Inserts a rule and its turn row. @return its id */
    static long insert(Connection c, AssignmentRule rule) throws SQLException {
        long id = ModuleSql.reserveIds(c, IDS, 1);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO AUTOMATION_ASSIGN_RULE (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, rule.recordType());
            bindRest(s, rule, 3);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO AUTOMATION_ASSIGN_TURN (RULE_ID, LAST_USER, TURNS) VALUES (?, '', 0)")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        return id;
    }

    /** @return whether the rule was there to change */
    static boolean update(Connection c, AssignmentRule rule) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE AUTOMATION_ASSIGN_RULE SET POSITION = ?, NAME = ?, "
                + "CRITERIA = ?, STRATEGY = ?, POOL = ?, POOL_NAME = ?, OPEN_FILTERS = ?, ACTIVE = ? WHERE ID = ?")) {
            bindRest(s, rule, 1);
            s.setLong(9, rule.id());
            return s.executeUpdate() == 1;
        }
    }

    private static void bindRest(PreparedStatement s, AssignmentRule rule, int from) throws SQLException {
        s.setInt(from, rule.position());
        s.setString(from + 1, rule.name());
        s.setString(from + 2, Conditions.encode(rule.criteria()));
        s.setString(from + 3, rule.strategy().name());
        s.setString(from + 4, rule.pool().name());
        s.setString(from + 5, rule.poolName());
        s.setString(from + 6, Conditions.encode(rule.open()));
        s.setBoolean(from + 7, rule.active());
    }

    /** Gives the rules of a type the positions 1, 2, ... in the order given. */
    static void renumber(Connection c, List<Long> ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE AUTOMATION_ASSIGN_RULE SET POSITION = ? WHERE ID = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                s.setInt(1, i + 1);
                s.setLong(2, ids.get(i));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** @return whether there was such a rule (its turn goes with it) */
    static boolean delete(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM AUTOMATION_ASSIGN_TURN WHERE RULE_ID = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM AUTOMATION_ASSIGN_RULE WHERE ID = ?")) {
            s.setLong(1, id);
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Takes a rule's turn: locks its turn row until the change commits, so parallel creates wait for each other.
     *
     * @return the user who had the last turn, or null
     */
    static String lockTurn(Connection c, long ruleId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE AUTOMATION_ASSIGN_TURN SET TURNS = TURNS + 1 WHERE RULE_ID = ?")) {
            s.setLong(1, ruleId);
            if (s.executeUpdate() == 0) {
                try (PreparedStatement i = c.prepareStatement(
                        "INSERT INTO AUTOMATION_ASSIGN_TURN (RULE_ID, LAST_USER, TURNS) VALUES (?, '', 1)")) {
                    i.setLong(1, ruleId);
                    i.executeUpdate();
                }
                return null;
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT LAST_USER FROM AUTOMATION_ASSIGN_TURN WHERE RULE_ID = ?")) {
            s.setLong(1, ruleId);
            try (ResultSet rs = s.executeQuery()) {
                String last = rs.next() ? rs.getString(1) : "";
                return last.isEmpty() ? null : last;
            }
        }
    }

    /** Notes who had a rule's turn. */
    static void turnTaken(Connection c, long ruleId, String user) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE AUTOMATION_ASSIGN_TURN SET LAST_USER = ? WHERE RULE_ID = ?")) {
            s.setString(1, user);
            s.setLong(2, ruleId);
            s.executeUpdate();
        }
    }
}
