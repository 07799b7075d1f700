package org.tesseracrm.collections.internal.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tesseracrm.collections.api.CollectionFields;
import org.tesseracrm.collections.api.Obligation;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.security.Visibility;

/** The module's own SQL, run on the connection of the record change or service call it belongs to. */
final class ObligationStore {
    private static final String COLUMNS = "o.ID, o.POSITION, o.AMOUNT, o.DUE_DATE, o.STATUS, o.AMOUNT_PAID, o.RESULT, "
            + "o.NOTES";

    private ObligationStore() {
    }

    /**
     * @param c a connection
     * @param collectionId a collection
     * @return its obligations by position
     * @throws SQLException on a database failure
     */
    static List<Obligation> list(Connection c, long collectionId) throws SQLException {
        List<Obligation> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM COLLECTION_OBLIGATION o WHERE o.COLLECTION_ID = ? ORDER BY o.POSITION, o.ID")) {
            ps.setLong(1, collectionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(obligation(rs, 1));
                }
            }
        }
        return rows;
    }

    private static Obligation obligation(ResultSet rs, int from) throws SQLException {
        return new Obligation(rs.getLong(from), rs.getInt(from + 1), rs.getBigDecimal(from + 2),
                rs.getDate(from + 3).toLocalDate(), rs.getString(from + 4), rs.getBigDecimal(from + 5),
                rs.getString(from + 6), rs.getString(from + 7));
    }

    /**
     * Replaces a collection's obligations: the rows with an id keep it, the others get new ids.
     *
     * @param c the transaction's connection
     * @param collectionId the collection
     * @param rows the obligations it is to have, in order
     * @throws SQLException on a database failure
     */
    static void replace(Connection c, long collectionId, List<Obligation> rows) throws SQLException {
        delete(c, collectionId);
        long fresh = rows.stream().filter(r -> r.id() == 0).count();
        long next = fresh == 0 ? 0 : ModuleSql.reserveIds(c, CollectionRecordType.OBLIGATION_IDS, (int) fresh);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO COLLECTION_OBLIGATION (ID, COLLECTION_ID, "
                + "POSITION, AMOUNT, DUE_DATE, STATUS, AMOUNT_PAID, RESULT, NOTES) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int position = 1;
            for (Obligation row : rows) {
                ps.setLong(1, row.id() == 0 ? next++ : row.id());
                ps.setLong(2, collectionId);
                ps.setInt(3, position++);
                ps.setBigDecimal(4, row.amount());
                ps.setDate(5, Date.valueOf(row.dueDate()));
                ps.setString(6, row.status());
                ps.setBigDecimal(7, row.amountPaid());
                ps.setString(8, row.result());
                ps.setString(9, row.notes());
                ps.addBatch();
            }
            if (!rows.isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    /**
     * @param c the delete's connection
     * @param collectionId a collection that goes
     * @throws SQLException on a database failure
     */
    static void delete(Connection c, long collectionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM COLLECTION_OBLIGATION WHERE COLLECTION_ID = ?")) {
            ps.setLong(1, collectionId);
            ps.executeUpdate();
        }
    }

    /**
     * Moves a merged collection's obligations after the survivor's.
     *
     * @param c the merge's connection
     * @param from the merged collection
     * @param to the survivor
     * @throws SQLException on a database failure
     */
    static void move(Connection c, long from, long to) throws SQLException {
        int last = list(c, to).stream().mapToInt(Obligation::position).max().orElse(0);
        try (PreparedStatement ps = c.prepareStatement("UPDATE COLLECTION_OBLIGATION SET COLLECTION_ID = ?, "
                + "POSITION = POSITION + ? WHERE COLLECTION_ID = ?")) {
            ps.setLong(1, to);
            ps.setInt(2, last);
            ps.setLong(3, from);
            ps.executeUpdate();
        }
    }

    /**
     * @param c a connection
     * @param collectionId a collection
     * @return how many obligations it has
     * @throws SQLException on a database failure
     */
    static int count(Connection c, long collectionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM COLLECTION_OBLIGATION WHERE COLLECTION_ID = ?")) {
            ps.setLong(1, collectionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Writes the totals of a collection straight into its row (a merge's survivor, a new collection's zeros); the
     * service writes them through the record platform otherwise.
     *
     * @param c the change's connection
     * @param id the collection
     * @param totals its totals
     * @throws SQLException on a database failure
     */
    static void setTotals(Connection c, long id, ObligationRules.Totals totals) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_COLLECTION SET TOTAL_AMOUNT = ?, OUTSTANDING = ?, "
                + "OVERDUE = ?, NEXT_DUE = ? WHERE ID = ?")) {
            ps.setBigDecimal(1, totals.total());
            ps.setBigDecimal(2, totals.outstanding());
            ps.setBigDecimal(3, totals.overdue());
            ps.setDate(4, totals.nextDue().map(Date::valueOf).orElse(null));
            ps.setLong(5, id);
            ps.executeUpdate();
        }
    }

    /**
     * Sets a collection's collector (its owner, when the record names none), in the change that made it.
     *
     * @param c the change's connection
     * @param id the collection
     * @param collector the user name
     * @throws SQLException on a database failure
     */
    static void setCollector(Connection c, long id, String collector) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_COLLECTION SET COLLECTOR = ? WHERE ID = ?")) {
            ps.setString(1, collector);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /**
     * Sets a new collection's status (the pick-list's default), in the change that made it.
     *
     * @param c the change's connection
     * @param id the collection
     * @param status the status
     * @throws SQLException on a database failure
     */
    static void setStatus(Connection c, long id, String status) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_COLLECTION SET STATUS = ? WHERE ID = ?")) {
            ps.setString(1, status);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /**
     * An obligation with something outstanding, with what the aging needs of its collection.
     *
     * @param collectionId the collection
     * @param subject its subject
     * @param companyId its company, or null
     * @param contactId its contact, or null
     * @param collector its collector, its owner when it names none
     * @param currency its currency ("" for none)
     * @param obligation the obligation
     */
    record Open(long collectionId, String subject, Long companyId, Long contactId, String collector, String currency,
            Obligation obligation) {
    }

    /**
     * The obligations not paid and not written off, of the collections the caller sees.
     *
     * @param c a connection
     * @param visibility whose collections the caller sees
     * @param limit the most rows read
     * @return them
     * @throws SQLException on a database failure
     */
    static List<Open> open(Connection c, Visibility visibility, int limit) throws SQLException {
        List<Object> params = new ArrayList<>(List.of(CollectionFields.PAID, CollectionFields.WRITTEN_OFF));
        String visible = ModuleSql.visibleOwners(visibility, params);
        String sql = "SELECT c.ID, c.SUBJECT, c.COMPANY_ID, c.CONTACT_ID, c.COLLECTOR, c.OWNER, c.CURRENCY, " + COLUMNS
                + " FROM CRM_COLLECTION c JOIN COLLECTION_OBLIGATION o ON o.COLLECTION_ID = c.ID"
                + " WHERE o.STATUS NOT IN (?, ?) AND o.AMOUNT > o.AMOUNT_PAID" + visible.replace(" OWNER ", " c.OWNER ");
        List<Open> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ModuleSql.bind(ps, params);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String collector = rs.getString(5);
                    rows.add(new Open(rs.getLong(1), rs.getString(2), nullable(rs, 3), nullable(rs, 4),
                            collector == null || collector.isBlank() ? rs.getString(6) : collector,
                            Optional.ofNullable(rs.getString(7)).orElse(""), obligation(rs, 8)));
                }
            }
        }
        return rows;
    }

    private static Long nullable(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /**
     * @param c a connection
     * @param today the day
     * @param limit the most ids
     * @return collections whose next due date has passed: their overdue amount is out of date
     * @throws SQLException on a database failure
     */
    static List<Long> passedDue(Connection c, LocalDate today, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ID FROM CRM_COLLECTION WHERE NEXT_DUE < ? ORDER BY ID")) {
            ps.setDate(1, Date.valueOf(today));
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}
