package org.tesseracrm.opportunities.internal.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.opportunities.api.OpportunityContact;
import org.tesseracrm.opportunities.api.Phase;
import org.tesseracrm.opportunities.api.PhaseChange;
import org.tesseracrm.opportunities.api.PhaseKind;

/** The module's own tables (phases, phase history, contact roles), read and written on a given connection. */
final class PhaseStore {
    private static final IdGenerator PHASE_IDS = new IdGenerator("OPPORTUNITIES_ID_GEN", "GEN_NAME", "GEN_VALUE", "PHASE");
    private static final IdGenerator HISTORY_IDS = new IdGenerator("OPPORTUNITIES_ID_GEN", "GEN_NAME", "GEN_VALUE",
            "HISTORY");
    /** Rows changed per statement batch when expected amounts are recomputed. */
    private static final int BATCH = 500;

    private PhaseStore() {
    }

    static List<Phase> phases(Connection c) throws SQLException {
        List<Phase> phases = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT ID, NAME, POS, PROBABILITY, KIND, ACTIVE FROM OPP_PHASE ORDER BY POS, ID");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                phases.add(new Phase(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        PhaseKind.valueOf(rs.getString(5)), rs.getBoolean(6)));
            }
        }
        return phases;
    }

    static Optional<Phase> byName(Connection c, String name) throws SQLException {
        return phases(c).stream().filter(p -> p.name().equals(name)).findFirst();
    }

    static Phase insert(Connection c, String name, int position, int probability, PhaseKind kind) throws SQLException {
        long id = ModuleSql.reserveIds(c, PHASE_IDS, 1);
        update(c, "INSERT INTO OPP_PHASE (ID, NAME, POS, PROBABILITY, KIND, ACTIVE) VALUES (?, ?, ?, ?, ?, ?)",
                List.of(id, name, position, probability, kind.name(), true));
        return new Phase(id, name, position, probability, kind, true);
    }

    static void write(Connection c, Phase phase) throws SQLException {
        update(c, "UPDATE OPP_PHASE SET NAME = ?, POS = ?, PROBABILITY = ?, KIND = ?, ACTIVE = ? WHERE ID = ?",
                List.of(phase.name(), phase.position(), phase.probability(), phase.kind().name(), phase.active(),
                        phase.id()));
    }

    static void delete(Connection c, long id) throws SQLException {
        update(c, "DELETE FROM OPP_PHASE WHERE ID = ?", List.of(id));
    }

    /** @return how many opportunities are in the phase */
    static long uses(Connection c, String phase) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM CRM_OPPORTUNITY WHERE PHASE = ?")) {
            s.setString(1, phase);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Opportunities and their history follow a renamed phase. */
    static void rename(Connection c, String from, String to) throws SQLException {
        update(c, "UPDATE CRM_OPPORTUNITY SET PHASE = ? WHERE PHASE = ?", List.of(to, from));
        update(c, "UPDATE OPP_PHASE_HISTORY SET FROM_PHASE = ? WHERE FROM_PHASE = ?", List.of(to, from));
        update(c, "UPDATE OPP_PHASE_HISTORY SET TO_PHASE = ? WHERE TO_PHASE = ?", List.of(to, from));
    }

    /**
     * Sets the expected amount of every opportunity in the phase from its amount and the probability.
     *
     * @return how many opportunities were changed
     */
    static int recompute(Connection c, String phase, int probability) throws SQLException {
        List<long[]> ids = new ArrayList<>();
        List<BigDecimal> expected = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT ID, AMOUNT, EXPECTED_AMOUNT FROM CRM_OPPORTUNITY WHERE PHASE = ? AND AMOUNT IS NOT NULL")) {
            s.setString(1, phase);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    BigDecimal value = PhaseRules.expectedAmount(Optional.of(rs.getBigDecimal(2)),
                            Optional.of(probability)).orElseThrow();
                    BigDecimal had = rs.getBigDecimal(3);
                    if (had == null || had.compareTo(value) != 0) {
                        ids.add(new long[] {rs.getLong(1)});
                        expected.add(value);
                    }
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE CRM_OPPORTUNITY SET EXPECTED_AMOUNT = ? WHERE ID = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                s.setBigDecimal(1, expected.get(i));
                s.setLong(2, ids.get(i)[0]);
                s.addBatch();
                if ((i + 1) % BATCH == 0) {
                    s.executeBatch();
                }
            }
            s.executeBatch();
        }
        return ids.size();
    }

    static void setExpected(Connection c, long id, Optional<BigDecimal> value) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE CRM_OPPORTUNITY SET EXPECTED_AMOUNT = ? WHERE ID = ?")) {
            if (value.isPresent()) {
                s.setBigDecimal(1, value.get());
            } else {
                s.setNull(1, java.sql.Types.DECIMAL);
            }
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    /** Sets a text column the module fills in when the caller left it empty (phase, currency). */
    static void setText(Connection c, long id, String column, String value) throws SQLException {
        update(c, "UPDATE CRM_OPPORTUNITY SET " + column + " = ? WHERE ID = ?", List.of(value, id));
    }

    static void addHistory(Connection c, long opportunityId, String from, String to, String by, LocalDateTime at)
            throws SQLException {
        long id = ModuleSql.reserveIds(c, HISTORY_IDS, 1);
        update(c, "INSERT INTO OPP_PHASE_HISTORY (ID, OPPORTUNITY_ID, FROM_PHASE, TO_PHASE, CHANGED_BY, CHANGED_AT) "
                + "VALUES (?, ?, ?, ?, ?, ?)", List.of(id, opportunityId, from, to, by, java.sql.Timestamp.valueOf(at)));
    }

    /** @return the history, oldest first, with zero time spent (see {@link PhaseRules#withTimeSpent}) */
    static List<PhaseChange> history(Connection c, long opportunityId) throws SQLException {
        List<PhaseChange> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT FROM_PHASE, TO_PHASE, CHANGED_BY, CHANGED_AT FROM "
                + "OPP_PHASE_HISTORY WHERE OPPORTUNITY_ID = ? ORDER BY CHANGED_AT, ID")) {
            s.setLong(1, opportunityId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    entries.add(new PhaseChange(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toLocalDateTime(), Duration.ZERO));
                }
            }
        }
        return entries;
    }

    static void deleteOpportunity(Connection c, long opportunityId) throws SQLException {
        update(c, "DELETE FROM OPP_PHASE_HISTORY WHERE OPPORTUNITY_ID = ?", List.of(opportunityId));
        update(c, "DELETE FROM OPP_CONTACT WHERE OPPORTUNITY_ID = ?", List.of(opportunityId));
    }

    static List<OpportunityContact> contacts(Connection c, String column, long id) throws SQLException {
        List<OpportunityContact> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT OPPORTUNITY_ID, CONTACT_ID, CONTACT_ROLE FROM OPP_CONTACT WHERE "
                + column + " = ? ORDER BY OPPORTUNITY_ID, CONTACT_ID")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new OpportunityContact(rs.getLong(1), rs.getLong(2), rs.getString(3)));
                }
            }
        }
        return found;
    }

    static void putContact(Connection c, long opportunityId, long contactId, String role) throws SQLException {
        update(c, "DELETE FROM OPP_CONTACT WHERE OPPORTUNITY_ID = ? AND CONTACT_ID = ?", List.of(opportunityId, contactId));
        update(c, "INSERT INTO OPP_CONTACT (OPPORTUNITY_ID, CONTACT_ID, CONTACT_ROLE) VALUES (?, ?, ?)",
                List.of(opportunityId, contactId, role));
    }

    static void removeContact(Connection c, long opportunityId, long contactId) throws SQLException {
        update(c, "DELETE FROM OPP_CONTACT WHERE OPPORTUNITY_ID = ? AND CONTACT_ID = ?", List.of(opportunityId, contactId));
    }

    /** A deleted contact takes no part in opportunities any more. */
    static void deleteContact(Connection c, long contactId) throws SQLException {
        update(c, "DELETE FROM OPP_CONTACT WHERE CONTACT_ID = ?", List.of(contactId));
    }

    /** The merged contact's roles go to the survivor, unless it already has one in the same opportunity. */
    static void mergeContact(Connection c, long from, long to) throws SQLException {
        update(c, "DELETE FROM OPP_CONTACT WHERE CONTACT_ID = ? AND OPPORTUNITY_ID IN "
                + "(SELECT OPPORTUNITY_ID FROM OPP_CONTACT WHERE CONTACT_ID = ?)", List.of(from, to));
        update(c, "UPDATE OPP_CONTACT SET CONTACT_ID = ? WHERE CONTACT_ID = ?", List.of(to, from));
    }

    private static void update(Connection c, String sql, List<?> params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            ModuleSql.bind(s, params);
            s.executeUpdate();
        }
    }
}
