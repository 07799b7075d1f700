package org.tesseracrm.leads.internal.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.tesseracrm.leads.api.FieldMapping;

/** The admin's conversion mappings in {@code LEAD_FIELD_MAP}, on the caller's transaction. */
final class MappingStore {
    private MappingStore() {
    }

    /** @return the admin's mappings, by target type and lead field */
    static List<FieldMapping> custom(Connection c) throws SQLException {
        List<FieldMapping> all = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT LEAD_FIELD, TARGET_TYPE, TARGET_FIELD FROM LEAD_FIELD_MAP ORDER BY TARGET_TYPE, LEAD_FIELD");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                all.add(new FieldMapping(r.getString(1), r.getString(2), r.getString(3), false));
            }
        }
        return all;
    }

    /** Saves a mapping, replacing the one of its lead field to its type. */
    static void put(Connection c, FieldMapping m) throws SQLException {
        delete(c, m.leadField(), m.targetType());
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO LEAD_FIELD_MAP (LEAD_FIELD, TARGET_TYPE, TARGET_FIELD) VALUES (?, ?, ?)")) {
            s.setString(1, m.leadField());
            s.setString(2, m.targetType());
            s.setString(3, m.targetField());
            s.executeUpdate();
        }
    }

    /** @return whether a mapping was removed */
    static boolean delete(Connection c, String leadField, String targetType) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "DELETE FROM LEAD_FIELD_MAP WHERE LEAD_FIELD = ? AND TARGET_TYPE = ?")) {
            s.setString(1, leadField);
            s.setString(2, targetType);
            return s.executeUpdate() > 0;
        }
    }

    /** Sets one text column of a lead (the status of a new lead), in the change's transaction. */
    static void setLeadText(Connection c, long id, String column, String value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE CRM_LEAD SET " + column + " = ? WHERE ID = ?")) {
            s.setString(1, value);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }
}
