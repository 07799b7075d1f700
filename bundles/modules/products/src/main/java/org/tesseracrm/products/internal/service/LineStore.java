package org.tesseracrm.products.internal.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.products.api.LineAmounts;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.products.api.Money;
import org.tesseracrm.products.api.ProductFields;

/** The product lines of records (table PRODUCT_LINE) and what lines need of products, on a given connection. */
final class LineStore {
    private static final IdGenerator LINE_IDS = new IdGenerator("PRODUCTS_ID_GEN", "GEN_NAME", "GEN_VALUE", "LINE");
    private static final String COLUMNS = "ID, LINE_NO, PRODUCT_ID, PRODUCT_CODE, PRODUCT_NAME, DESCRIPTION, COST_TYPE, "
            + "CURRENCY, UNIT_PRICE, QUANTITY, DISCOUNT, TAX";
    /** The most ids one IN list of a product read holds. */
    private static final int IN_CHUNK = 500;

    /** What a line needs of a product. */
    record Product(long id, String code, String name, boolean active, String costType, String description,
            BigDecimal taxRate, Optional<BigDecimal> unitPrice, Optional<String> currency) {
    }

    /** A line to write: its id (kept or reserved), and the values with the product's snapshot. */
    record Row(long id, long productId, String productCode, String productName, String description, String costType,
            BigDecimal unitPrice, BigDecimal quantity, BigDecimal discountPercent, BigDecimal taxPercent) {
    }

    private LineStore() {
    }

    /** @return a record's lines by position, amounts in their stored currency */
    static List<LineItem> lines(Connection c, String recordType, long recordId) throws SQLException {
        List<LineItem> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM PRODUCT_LINE WHERE RECORD_TYPE = ? "
                + "AND RECORD_ID = ? ORDER BY LINE_NO, ID")) {
            s.setString(1, recordType);
            s.setLong(2, recordId);
            try (ResultSet rs = s.executeQuery()) {
                int position = 0;
                while (rs.next()) {
                    String currency = rs.getString(8);
                    BigDecimal price = rs.getBigDecimal(9).setScale(Money.scale(currency), Money.ROUNDING);
                    BigDecimal quantity = plain(rs.getBigDecimal(10));
                    BigDecimal discount = plain(rs.getBigDecimal(11));
                    BigDecimal tax = plain(rs.getBigDecimal(12));
                    lines.add(new LineItem(rs.getLong(1), ++position, rs.getLong(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), price, quantity, discount, tax,
                            LineAmounts.of(price, quantity, discount, tax, currency)));
                }
            }
        }
        return lines;
    }

    /** @return the currency a record's lines are in; empty without lines */
    static Optional<String> currency(Connection c, String recordType, long recordId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT CURRENCY FROM PRODUCT_LINE WHERE RECORD_TYPE = ? "
                + "AND RECORD_ID = ? ORDER BY LINE_NO")) {
            s.setString(1, recordType);
            s.setLong(2, recordId);
            s.setMaxRows(1);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Replaces a record's lines: deletes them all and inserts the rows in order in one batch (kept lines keep their
     * ids, new ones get ids reserved in one step).
     *
     * @param rows the lines in order; a row with id 0 is new
     */
    static void replace(Connection c, String recordType, long recordId, String currency, List<Row> rows)
            throws SQLException {
        delete(c, recordType, recordId);
        int fresh = (int) rows.stream().filter(r -> r.id() == 0).count();
        long next = fresh == 0 ? 0 : ModuleSql.reserveIds(c, LINE_IDS, fresh);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO PRODUCT_LINE (ID, RECORD_TYPE, RECORD_ID, LINE_NO, "
                + "PRODUCT_ID, PRODUCT_CODE, PRODUCT_NAME, DESCRIPTION, COST_TYPE, CURRENCY, UNIT_PRICE, QUANTITY, "
                + "DISCOUNT, TAX) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (Row row : rows) {
                s.setLong(1, row.id() == 0 ? next++ : row.id());
                s.setString(2, recordType);
                s.setLong(3, recordId);
                s.setInt(4, ++position);
                s.setLong(5, row.productId());
                s.setString(6, row.productCode());
                s.setString(7, row.productName());
                s.setString(8, row.description());
                s.setString(9, row.costType());
                s.setString(10, currency);
                s.setBigDecimal(11, row.unitPrice());
                s.setBigDecimal(12, row.quantity());
                s.setBigDecimal(13, row.discountPercent());
                s.setBigDecimal(14, row.taxPercent());
                s.addBatch();
            }
            if (!rows.isEmpty()) {
                s.executeBatch();
            }
        }
    }

    /** Deletes a record's lines (the record goes). */
    static void delete(Connection c, String recordType, long recordId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM PRODUCT_LINE WHERE RECORD_TYPE = ? AND RECORD_ID = ?")) {
            s.setString(1, recordType);
            s.setLong(2, recordId);
            s.executeUpdate();
        }
    }

    /**
     * Moves a record's lines to another record (a lead's conversion, a merge), after the lines it has. When the other
     * record's lines are in another currency, one document cannot hold both: the moved record's lines are dropped
     * (the record itself goes in a merge).
     */
    static void move(Connection c, String fromType, long fromId, String toType, long toId) throws SQLException {
        Optional<String> target = currency(c, toType, toId);
        Optional<String> source = currency(c, fromType, fromId);
        if (source.isEmpty()) {
            return;
        }
        if (target.isPresent() && !target.get().equals(source.get())) {
            delete(c, fromType, fromId);
            return;
        }
        int offset = lines(c, toType, toId).size();
        try (PreparedStatement s = c.prepareStatement("UPDATE PRODUCT_LINE SET RECORD_TYPE = ?, RECORD_ID = ?, "
                + "LINE_NO = LINE_NO + ? WHERE RECORD_TYPE = ? AND RECORD_ID = ?")) {
            s.setString(1, toType);
            s.setLong(2, toId);
            s.setInt(3, offset);
            s.setString(4, fromType);
            s.setLong(5, fromId);
            s.executeUpdate();
        }
    }

    /** @return the products with these ids that exist, by id */
    static Map<Long, Product> products(Connection c, Collection<Long> ids) throws SQLException {
        List<Long> distinct = ids.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return Collections.emptyMap();
        }
        Map<Long, Product> products = new HashMap<>();
        for (int from = 0; from < distinct.size(); from += IN_CHUNK) {
            List<Long> chunk = distinct.subList(from, Math.min(distinct.size(), from + IN_CHUNK));
            String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement s = c.prepareStatement("SELECT ID, CODE, NAME, ACTIVE, COST_TYPE, DESCRIPTION, "
                    + "TAX_RATE, UNIT_PRICE, CURRENCY FROM CRM_PRODUCT WHERE ID IN (" + marks + ")")) {
                ModuleSql.bind(s, chunk);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        boolean active = rs.getBoolean(4) || rs.wasNull();
                        String costType = rs.getString(5);
                        BigDecimal tax = rs.getBigDecimal(7);
                        String currency = rs.getString(9);
                        products.put(rs.getLong(1), new Product(rs.getLong(1), rs.getString(2), rs.getString(3), active,
                                costType == null || costType.isBlank() ? ProductFields.ONE_TIME : costType,
                                rs.getString(6) == null ? "" : rs.getString(6), tax == null ? BigDecimal.ZERO : plain(tax),
                                Optional.ofNullable(rs.getBigDecimal(8)),
                                Optional.ofNullable(currency).filter(t -> !t.isBlank())));
                    }
                }
            }
        }
        return products;
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
