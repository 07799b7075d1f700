package org.tesseracrm.products.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tesseracrm.products.api.DocumentTotals;
import org.tesseracrm.products.api.LineInput;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.products.api.ProductFields;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The lines' table and SQL on an in-memory Derby, as the distribution's default database runs them. */
class LineStoreTest {
    private Connection c;

    @BeforeEach
    @SuppressWarnings("deprecation") // Liquibase.update(Contexts) is the short way for a test
    void migrated(TestInfo info) throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:lines" + info.getDisplayName().replaceAll("\\W", ""));
        dataSource.setCreateDatabase("create");
        c = dataSource.getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        new Liquibase("db/changelog/products.yaml", new ClassLoaderResourceAccessor(), database).update(new Contexts());
        c.setAutoCommit(false);
        product(1, "W-1", "Widget", ProductFields.MONTHLY, true);
        product(2, "S-1", "Setup", null, true);
        product(3, "OLD", "Old", ProductFields.ON_DEMAND, false);
    }

    @Test
    void linesKeepTheirOrderValuesAndProductSnapshotAndAKeptLineItsId() throws SQLException {
        save("opportunity", 10, "EUR", List.of(
                input(Optional.empty(), 2, "199.00", "1", "0", "21"),
                input(Optional.empty(), 1, "19.99", "10", "5", "21")));
        List<LineItem> lines = LineStore.lines(c, "opportunity", 10);
        assertEquals(2, lines.size());
        assertEquals(List.of(1, 2), lines.stream().map(LineItem::position).toList());
        LineItem setup = lines.get(0);
        assertEquals(ProductFields.ONE_TIME, setup.costType(), "a product without a cost type counts as one time");
        assertEquals("S-1", setup.productCode());
        LineItem widget = lines.get(1);
        assertEquals(new BigDecimal("19.99"), widget.unitPrice());
        assertEquals(new BigDecimal("10"), widget.quantity());
        assertEquals(new BigDecimal("5"), widget.discountPercent());
        // 10 x 19.99 = 199.90; 5 % = 10.00; net 189.90; 21 % = 39.88; total 229.78
        assertEquals(new BigDecimal("229.78"), widget.amounts().total());
        assertEquals(Optional.of("EUR"), LineStore.currency(c, "opportunity", 10));
        // rename the product: the line keeps the name it was saved with; reorder, drop the setup, add one
        rename(1, "Widget renamed");
        save("opportunity", 10, "EUR", List.of(
                input(Optional.empty(), 1, "20.00", "1", "0", "0"),
                widget.toInput()));
        List<LineItem> after = LineStore.lines(c, "opportunity", 10);
        assertEquals(List.of("Widget renamed", "Widget"), after.stream().map(LineItem::productName).toList());
        assertEquals(widget.id(), after.get(1).id(), "the kept line keeps its id");
        assertEquals(2, after.get(1).position());
        assertTrue(after.get(0).id() > setup.id(), "a new line gets a new id");
        // totals: 20.00 + 229.78, both monthly
        DocumentTotals totals = DocumentTotals.ofLines("EUR", after);
        assertEquals(new BigDecimal("249.78"), totals.byCostType().get(ProductFields.MONTHLY).total());
        assertEquals(new BigDecimal("0.00"), totals.byCostType().get(ProductFields.ONE_TIME).total());
        // another record's lines are its own
        assertEquals(List.of(), LineStore.lines(c, "quote", 10));
        LineStore.delete(c, "opportunity", 10);
        assertEquals(List.of(), LineStore.lines(c, "opportunity", 10));
        assertEquals(Optional.empty(), LineStore.currency(c, "opportunity", 10));
    }

    @Test
    void aMoveAppendsTheLinesUnlessTheCurrenciesDiffer() throws SQLException {
        save("lead", 1, "EUR", List.of(input(Optional.empty(), 1, "1.00", "1", "0", "0")));
        save("contact", 2, "EUR", List.of(input(Optional.empty(), 2, "2.00", "1", "0", "0")));
        LineStore.move(c, "lead", 1, "contact", 2);
        assertEquals(List.of("Setup", "Widget"), LineStore.lines(c, "contact", 2).stream().map(LineItem::productName)
                .toList());
        assertEquals(List.of(1, 2), LineStore.lines(c, "contact", 2).stream().map(LineItem::position).toList());
        assertEquals(List.of(), LineStore.lines(c, "lead", 1));
        save("lead", 3, "USD", List.of(input(Optional.empty(), 1, "1.00", "1", "0", "0")));
        LineStore.move(c, "lead", 3, "contact", 2);
        assertEquals(2, LineStore.lines(c, "contact", 2).size(), "dollars do not join a euro document");
        assertEquals(List.of(), LineStore.lines(c, "lead", 3));
    }

    @Test
    void fiveHundredLinesSaveFarUnder200Milliseconds() throws SQLException {
        List<LineInput> inputs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            inputs.add(input(Optional.empty(), 1 + i % 2, "19.99", String.valueOf(1 + i % 60), "5", "21"));
        }
        save("quote", 5, "EUR", inputs); // warms up the statements and the JIT
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            List<LineInput> kept = LineStore.lines(c, "quote", 5).stream().map(LineItem::toInput).toList();
            long start = System.nanoTime();
            save("quote", 5, "EUR", kept);
            c.commit();
            best = Math.min(best, (System.nanoTime() - start) / 1_000_000);
        }
        System.out.printf("500 lines replaced in %d ms (best of 3)%n", best);
        assertEquals(500, LineStore.lines(c, "quote", 5).size());
        assertTrue(best < 200, "500 lines took " + best + " ms");
    }

    /** What LineItemsImpl.replace does on the database: products, old lines, rules, write, read back. */
    private void save(String type, long id, String currency, List<LineInput> inputs) throws SQLException {
        Map<Long, LineStore.Product> products = LineStore.products(c, inputs.stream().map(LineInput::productId).toList());
        Map<Long, LineItem> stored = LineStore.lines(c, type, id).stream()
                .collect(Collectors.toMap(LineItem::id, Function.identity()));
        LineStore.replace(c, type, id, currency, LineRules.rows(inputs, currency, products, stored));
        LineStore.lines(c, type, id);
    }

    private static LineInput input(Optional<Long> id, long product, String price, String quantity, String discount,
            String tax) {
        return new LineInput(id, product, "", new BigDecimal(price), new BigDecimal(quantity), new BigDecimal(discount),
                new BigDecimal(tax));
    }

    private void product(long id, String code, String name, String costType, boolean active) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO CRM_PRODUCT (ID, NAME, CODE, COST_TYPE, ACTIVE, OWNER, "
                + "CREATED_AT, UPDATED_AT, VERSION) VALUES (?, ?, ?, ?, ?, 'admin', ?, ?, 1)")) {
            Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 12, 5, 9, 0));
            s.setLong(1, id);
            s.setString(2, name);
            s.setString(3, code);
            s.setString(4, costType);
            s.setBoolean(5, active);
            s.setTimestamp(6, now);
            s.setTimestamp(7, now);
            s.executeUpdate();
        }
    }

    private void rename(long id, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE CRM_PRODUCT SET NAME = ? WHERE ID = ?")) {
            s.setString(1, name);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }
}
