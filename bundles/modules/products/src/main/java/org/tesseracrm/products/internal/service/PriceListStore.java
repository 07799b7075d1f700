package org.tesseracrm.products.internal.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.products.api.Money;
import org.tesseracrm.products.api.PriceCondition;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.ProductPrice;
import org.tesseracrm.products.api.QuantityRange;

/** The module's own tables (price lists, conditions, prices, ranges, the product code key), on a given connection. */
final class PriceListStore {
    private static final IdGenerator LIST_IDS = new IdGenerator("PRODUCTS_ID_GEN", "GEN_NAME", "GEN_VALUE", "PRICE_LIST");

    /** What the price lists need of a product. */
    record Product(long id, String code, String name, boolean active, BigDecimal taxRate) {
    }

    private PriceListStore() {
    }

    static List<PriceList> lists(Connection c) throws SQLException {
        Map<Long, List<PriceCondition>> conditions = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT PRICE_LIST_ID, DIMENSION, COND_VALUE FROM "
                + "PRODUCT_PRICE_CONDITION ORDER BY PRICE_LIST_ID, DIMENSION, COND_VALUE");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                conditions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new PriceCondition(rs.getString(2), rs.getString(3)));
            }
        }
        List<PriceList> lists = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT ID, NAME, CURRENCY, VALID_FROM, VALID_TO FROM "
                + "PRODUCT_PRICE_LIST ORDER BY NAME_KEY, ID"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                lists.add(new PriceList(id, rs.getString(2), rs.getString(3), day(rs.getDate(4)), day(rs.getDate(5)),
                        conditions.getOrDefault(id, List.of())));
            }
        }
        return lists;
    }

    static Optional<PriceList> find(Connection c, long id) throws SQLException {
        return lists(c).stream().filter(l -> l.id() == id).findFirst();
    }

    static long insert(Connection c, String name, String currency, Optional<LocalDate> from, Optional<LocalDate> to,
            List<PriceCondition> conditions) throws SQLException {
        long id = ModuleSql.reserveIds(c, LIST_IDS, 1);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO PRODUCT_PRICE_LIST (ID, NAME, NAME_KEY, CURRENCY, "
                + "VALID_FROM, VALID_TO) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, name);
            s.setString(3, key(name));
            s.setString(4, currency);
            date(s, 5, from);
            date(s, 6, to);
            s.executeUpdate();
        }
        writeConditions(c, id, conditions);
        return id;
    }

    static void update(Connection c, long id, String name, String currency, Optional<LocalDate> from,
            Optional<LocalDate> to, List<PriceCondition> conditions) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE PRODUCT_PRICE_LIST SET NAME = ?, NAME_KEY = ?, "
                + "CURRENCY = ?, VALID_FROM = ?, VALID_TO = ? WHERE ID = ?")) {
            s.setString(1, name);
            s.setString(2, key(name));
            s.setString(3, currency);
            date(s, 4, from);
            date(s, 5, to);
            s.setLong(6, id);
            s.executeUpdate();
        }
        update(c, "DELETE FROM PRODUCT_PRICE_CONDITION WHERE PRICE_LIST_ID = ?", List.of(id));
        writeConditions(c, id, conditions);
    }

    static void delete(Connection c, long id) throws SQLException {
        update(c, "DELETE FROM PRODUCT_PRICE_RANGE WHERE PRICE_LIST_ID = ?", List.of(id));
        update(c, "DELETE FROM PRODUCT_PRICE WHERE PRICE_LIST_ID = ?", List.of(id));
        update(c, "DELETE FROM PRODUCT_PRICE_CONDITION WHERE PRICE_LIST_ID = ?", List.of(id));
        update(c, "DELETE FROM PRODUCT_PRICE_LIST WHERE ID = ?", List.of(id));
    }

    /** @return the prices of a list (ranges by start), by product code; prices at the currency's scale */
    static List<ProductPrice> prices(Connection c, long listId, String currency, Optional<Long> productId)
            throws SQLException {
        Map<Long, List<QuantityRange>> ranges = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT PRODUCT_ID, QTY_FROM, QTY_TO, DISCOUNT FROM "
                + "PRODUCT_PRICE_RANGE WHERE PRICE_LIST_ID = ?" + (productId.isPresent() ? " AND PRODUCT_ID = ?" : "")
                + " ORDER BY PRODUCT_ID, QTY_FROM")) {
            s.setLong(1, listId);
            if (productId.isPresent()) {
                s.setLong(2, productId.get());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ranges.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new QuantityRange(
                            plain(rs.getBigDecimal(2)), Optional.ofNullable(rs.getBigDecimal(3)).map(PriceListStore::plain),
                            plain(rs.getBigDecimal(4))));
                }
            }
        }
        List<ProductPrice> prices = new ArrayList<>();
        int scale = Money.scale(currency);
        try (PreparedStatement s = c.prepareStatement("SELECT p.PRODUCT_ID, r.CODE, r.NAME, p.PRICE FROM PRODUCT_PRICE p "
                + "JOIN CRM_PRODUCT r ON r.ID = p.PRODUCT_ID WHERE p.PRICE_LIST_ID = ?"
                + (productId.isPresent() ? " AND p.PRODUCT_ID = ?" : "") + " ORDER BY r.CODE, r.ID")) {
            s.setLong(1, listId);
            if (productId.isPresent()) {
                s.setLong(2, productId.get());
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long product = rs.getLong(1);
                    prices.add(new ProductPrice(listId, product, rs.getString(2), rs.getString(3),
                            rs.getBigDecimal(4).setScale(scale, Money.ROUNDING), ranges.getOrDefault(product, List.of())));
                }
            }
        }
        return prices;
    }

    /** Replaces a product's price and ranges in a list. */
    static void setPrice(Connection c, long listId, long productId, BigDecimal price, List<QuantityRange> ranges)
            throws SQLException {
        removePrice(c, listId, productId);
        update(c, "INSERT INTO PRODUCT_PRICE (PRICE_LIST_ID, PRODUCT_ID, PRICE) VALUES (?, ?, ?)",
                List.of(listId, productId, price));
        try (PreparedStatement s = c.prepareStatement("INSERT INTO PRODUCT_PRICE_RANGE (PRICE_LIST_ID, PRODUCT_ID, "
                + "QTY_FROM, QTY_TO, DISCOUNT) VALUES (?, ?, ?, ?, ?)")) {
            for (QuantityRange range : ranges) {
                s.setLong(1, listId);
                s.setLong(2, productId);
                s.setBigDecimal(3, range.from());
                if (range.to().isPresent()) {
                    s.setBigDecimal(4, range.to().get());
                } else {
                    s.setNull(4, Types.DECIMAL);
                }
                s.setBigDecimal(5, range.discountPercent());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    static void removePrice(Connection c, long listId, long productId) throws SQLException {
        update(c, "DELETE FROM PRODUCT_PRICE_RANGE WHERE PRICE_LIST_ID = ? AND PRODUCT_ID = ?", List.of(listId, productId));
        update(c, "DELETE FROM PRODUCT_PRICE WHERE PRICE_LIST_ID = ? AND PRODUCT_ID = ?", List.of(listId, productId));
    }

    /** @return the largest number of decimals among a list's prices */
    static int priceScale(Connection c, long listId) throws SQLException {
        int scale = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT PRICE FROM PRODUCT_PRICE WHERE PRICE_LIST_ID = ?")) {
            s.setLong(1, listId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    scale = Math.max(scale, Math.max(0, rs.getBigDecimal(1).stripTrailingZeros().scale()));
                }
            }
        }
        return scale;
    }

    static Optional<Product> product(Connection c, long id) throws SQLException {
        return product(c, "ID = ?", id);
    }

    /** @return the product with this code, whatever its case */
    static Optional<Product> productByCode(Connection c, String code) throws SQLException {
        return product(c, "CODE_KEY = ?", key(code));
    }

    /** @return the name of another product that has the code, whatever its case */
    static Optional<String> codeTakenBy(Connection c, String code, long except) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT NAME FROM CRM_PRODUCT WHERE CODE_KEY = ? AND ID <> ?")) {
            s.setString(1, key(code));
            s.setLong(2, except);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Writes the code's key, which is unique. */
    static void keep(Connection c, long id, String code) throws SQLException {
        update(c, "UPDATE CRM_PRODUCT SET CODE_KEY = ? WHERE ID = ?", List.of(key(code), id));
    }

    static void setText(Connection c, long id, String column, String value) throws SQLException {
        update(c, "UPDATE CRM_PRODUCT SET " + column + " = ? WHERE ID = ?", List.of(value, id));
    }

    /** A deleted product leaves every price list. */
    static void deleteProduct(Connection c, long productId) throws SQLException {
        update(c, "DELETE FROM PRODUCT_PRICE_RANGE WHERE PRODUCT_ID = ?", List.of(productId));
        update(c, "DELETE FROM PRODUCT_PRICE WHERE PRODUCT_ID = ?", List.of(productId));
    }

    /** The merged product's prices go to the survivor in the lists where it has none. */
    static void mergeProduct(Connection c, long from, long to) throws SQLException {
        update(c, "DELETE FROM PRODUCT_PRICE_RANGE WHERE PRODUCT_ID = ? AND PRICE_LIST_ID IN "
                + "(SELECT PRICE_LIST_ID FROM PRODUCT_PRICE WHERE PRODUCT_ID = ?)", List.of(from, to));
        update(c, "DELETE FROM PRODUCT_PRICE WHERE PRODUCT_ID = ? AND PRICE_LIST_ID IN "
                + "(SELECT PRICE_LIST_ID FROM PRODUCT_PRICE WHERE PRODUCT_ID = ?)", List.of(from, to));
        update(c, "UPDATE PRODUCT_PRICE_RANGE SET PRODUCT_ID = ? WHERE PRODUCT_ID = ?", List.of(to, from));
        update(c, "UPDATE PRODUCT_PRICE SET PRODUCT_ID = ? WHERE PRODUCT_ID = ?", List.of(to, from));
    }

    static String key(String text) {
        return text.strip().toUpperCase(Locale.ROOT);
    }

    private static Optional<Product> product(Connection c, String where, Object param) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT ID, CODE, NAME, ACTIVE, TAX_RATE FROM CRM_PRODUCT WHERE "
                + where)) {
            ModuleSql.bind(s, List.of(param));
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                boolean active = rs.getBoolean(4) || rs.wasNull();
                BigDecimal tax = rs.getBigDecimal(5);
                return Optional.of(new Product(rs.getLong(1), rs.getString(2), rs.getString(3), active,
                        tax == null ? BigDecimal.ZERO : plain(tax)));
            }
        }
    }

    private static void writeConditions(Connection c, long id, List<PriceCondition> conditions) throws SQLException {
        for (PriceCondition condition : conditions) {
            update(c, "INSERT INTO PRODUCT_PRICE_CONDITION (PRICE_LIST_ID, DIMENSION, COND_VALUE) VALUES (?, ?, ?)",
                    List.of(id, condition.dimension(), condition.value()));
        }
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Optional<LocalDate> day(Date date) {
        return Optional.ofNullable(date).map(Date::toLocalDate);
    }

    private static void date(PreparedStatement s, int index, Optional<LocalDate> day) throws SQLException {
        if (day.isPresent()) {
            s.setDate(index, Date.valueOf(day.get()));
        } else {
            s.setNull(index, Types.DATE);
        }
    }

    private static void update(Connection c, String sql, List<?> params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            ModuleSql.bind(s, params);
            s.executeUpdate();
        }
    }
}
