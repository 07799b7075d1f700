package org.tesseracrm.automation.internal.scoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tesseracrm.automation.api.ScoringRule;
import org.tesseracrm.automation.internal.engine.Conditions;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.IdGenerator;

/** The scoring rules' SQL. */
final class ScoringStore {
    private static final IdGenerator IDS = new IdGenerator("AUTOMATION_SCORE_ID_GEN", "GEN_NAME", "GEN_VALUE", "RULE");

    private ScoringStore() {
    }

    /** @return every rule, by record type and name */
    static List<ScoringRule> all(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT ID, RECORD_TYPE, NAME, BASIS, CRITERIA, POINTS, CAP, "
                + "ACTIVE FROM AUTOMATION_SCORE_RULE ORDER BY RECORD_TYPE, NAME, ID");
                ResultSet rs = s.executeQuery()) {
            List<ScoringRule> rules = new ArrayList<>();
            while (rs.next()) {
                rules.add(new ScoringRule(rs.getLong(1), rs.getString(2), rs.getString(3),
                        ScoringRule.Basis.valueOf(rs.getString(4)), Conditions.criteria(rs.getString(5)), rs.getInt(6),
                        rs.getInt(7), rs.getBoolean(8)));
            }
            return rules;
        }
    }

    /** @return the rule's id, new for a new rule; -1 if the rule to change is not there */
    static long save(Connection c, ScoringRule rule) throws SQLException {
        boolean insert = rule.id() == 0;
        long id = insert ? ModuleSql.reserveIds(c, IDS, 1) : rule.id();
        try (PreparedStatement s = c.prepareStatement(insert
                ? "INSERT INTO AUTOMATION_SCORE_RULE (RECORD_TYPE, NAME, BASIS, CRITERIA, POINTS, CAP, ACTIVE, ID) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE AUTOMATION_SCORE_RULE SET RECORD_TYPE = ?, NAME = ?, BASIS = ?, CRITERIA = ?, POINTS = ?, "
                        + "CAP = ?, ACTIVE = ? WHERE ID = ?")) {
            ModuleSql.bind(s, List.of(rule.recordType(), rule.name(), rule.basis().name(),
                    Conditions.encode(rule.criteria()), rule.points(), rule.cap(), rule.active(), id));
            return s.executeUpdate() == 1 ? id : -1;
        }
    }

    /** @return whether there was such a rule */
    static boolean delete(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM AUTOMATION_SCORE_RULE WHERE ID = ?")) {
            s.setLong(1, id);
            return s.executeUpdate() == 1;
        }
    }

    /** @return the score field by record type */
    static Map<String, String> fields(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT RECORD_TYPE, FIELD_NAME FROM AUTOMATION_SCORE_FIELD ORDER BY RECORD_TYPE");
                ResultSet rs = s.executeQuery()) {
            Map<String, String> fields = new LinkedHashMap<>();
            while (rs.next()) {
                fields.put(rs.getString(1), rs.getString(2));
            }
            return fields;
        }
    }

    /** Sets a type's score field. */
    static void setField(Connection c, String recordType, String field) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE AUTOMATION_SCORE_FIELD SET FIELD_NAME = ? WHERE RECORD_TYPE = ?")) {
            s.setString(1, field);
            s.setString(2, recordType);
            if (s.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO AUTOMATION_SCORE_FIELD (RECORD_TYPE, FIELD_NAME) VALUES (?, ?)")) {
            s.setString(1, recordType);
            s.setString(2, field);
            s.executeUpdate();
        }
    }
}
