package org.tesseracrm.products.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tesseracrm.products.api.PriceCondition;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.ProductPrice;
import org.tesseracrm.products.api.QuantityRange;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The module's changelog and its SQL on an in-memory Derby, as the distribution's default database runs them. */
class PriceListStoreTest {
    private Connection c;

    @BeforeEach
    @SuppressWarnings("deprecation") // Liquibase.update(Contexts) is the short way for a test
    void migrated(TestInfo info) throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + info.getDisplayName().replaceAll("\\W", ""));
        dataSource.setCreateDatabase("create");
        c = dataSource.getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        new Liquibase("db/changelog/products.yaml", new ClassLoaderResourceAccessor(), database).update(new Contexts());
        c.setAutoCommit(false);
    }

    @Test
    void aListKeepsItsConditionsDatesPricesAndRangesByStart() throws SQLException {
        product(1, "W-1", "Widget", "21");
        long id = PriceListStore.insert(c, "Retail", "EUR", Optional.of(LocalDate.parse("2026-01-01")), Optional.empty(),
                List.of(new PriceCondition("Place of sale", "Madrid"), new PriceCondition("Segment", "Retail")));
        assertEquals(1, id, "ids start at 1");
        PriceList list = PriceListStore.find(c, id).orElseThrow();
        assertEquals("EUR", list.currency());
        assertEquals(Optional.of(LocalDate.parse("2026-01-01")), list.validFrom());
        assertEquals(Optional.empty(), list.validTo());
        assertEquals(2, list.conditions().size());
        QuantityRange big = new QuantityRange(new BigDecimal("50"), Optional.empty(), new BigDecimal("10"));
        QuantityRange small = new QuantityRange(new BigDecimal("1.5"), Optional.of(new BigDecimal("49")), new BigDecimal("2.25"));
        PriceListStore.setPrice(c, id, 1, new BigDecimal("19.99"), PriceRules.sorted(List.of(big, small)));
        List<ProductPrice> prices = PriceListStore.prices(c, id, "EUR", Optional.empty());
        assertEquals(1, prices.size());
        assertEquals(new BigDecimal("19.99"), prices.get(0).price(), "at the currency's scale");
        assertEquals("W-1", prices.get(0).productCode());
        assertEquals(List.of(small, big), prices.get(0).ranges(), "read back exactly, by start");
        assertEquals(new BigDecimal("21"), PriceListStore.product(c, 1).orElseThrow().taxRate());
        // setPrice replaces what the product had
        PriceListStore.setPrice(c, id, 1, new BigDecimal("18"), List.of());
        assertEquals(new BigDecimal("18.00"), PriceListStore.prices(c, id, "EUR", Optional.of(1L)).get(0).price());
        assertEquals(List.of(), PriceListStore.prices(c, id, "EUR", Optional.of(1L)).get(0).ranges());
        assertEquals(0, PriceListStore.priceScale(c, id), "18 has no decimals");
        PriceListStore.delete(c, id);
        assertEquals(List.of(), PriceListStore.lists(c));
    }

    @Test
    void twoProductsCannotShareACodeWhateverItsCase() throws SQLException {
        product(1, "ABC-1", "First", null);
        product(2, "abc-1", "Second", null);
        PriceListStore.keep(c, 1, "ABC-1");
        assertEquals(Optional.of("First"), PriceListStore.codeTakenBy(c, " abc-1 ", 2));
        assertEquals(Optional.empty(), PriceListStore.codeTakenBy(c, "ABC-1", 1), "a product does not clash with itself");
        assertEquals(1, PriceListStore.productByCode(c, "abc-1").orElseThrow().id());
        assertTrue(PriceListStore.product(c, 1).orElseThrow().active(), "the column defaults to active");
        assertThrows(SQLException.class, () -> PriceListStore.keep(c, 2, "abc-1"), "the unique constraint backs it up");
    }

    @Test
    void aDeletedProductLeavesItsListsAndAMergedOneGivesItsPricesWhereTheSurvivorHasNone() throws SQLException {
        product(1, "A", "A", null);
        product(2, "B", "B", null);
        long first = PriceListStore.insert(c, "First", "EUR", Optional.empty(), Optional.empty(), List.of());
        long second = PriceListStore.insert(c, "Second", "EUR", Optional.empty(), Optional.empty(), List.of());
        QuantityRange range = new QuantityRange(BigDecimal.ONE, Optional.empty(), BigDecimal.ONE);
        PriceListStore.setPrice(c, first, 1, new BigDecimal("10"), List.of(range));
        PriceListStore.setPrice(c, second, 1, new BigDecimal("20"), List.of(range));
        PriceListStore.setPrice(c, first, 2, new BigDecimal("30"), List.of());
        PriceListStore.mergeProduct(c, 1, 2);
        assertEquals(new BigDecimal("30.00"), PriceListStore.prices(c, first, "EUR", Optional.empty()).get(0).price(),
                "the survivor keeps its own price");
        ProductPrice moved = PriceListStore.prices(c, second, "EUR", Optional.empty()).get(0);
        assertEquals(2, moved.productId());
        assertEquals(List.of(range), moved.ranges());
        PriceListStore.deleteProduct(c, 2);
        assertEquals(List.of(), PriceListStore.prices(c, first, "EUR", Optional.empty()));
        assertEquals(List.of(), PriceListStore.prices(c, second, "EUR", Optional.empty()));
    }

    private void product(long id, String code, String name, String tax) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO CRM_PRODUCT (ID, NAME, CODE, TAX_RATE, OWNER, CREATED_AT, "
                + "UPDATED_AT, VERSION) VALUES (?, ?, ?, ?, 'admin', ?, ?, 1)")) {
            Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 12, 5, 9, 0));
            s.setLong(1, id);
            s.setString(2, name);
            s.setString(3, code);
            s.setBigDecimal(4, tax == null ? null : new BigDecimal(tax));
            s.setTimestamp(5, now);
            s.setTimestamp(6, now);
            s.executeUpdate();
        }
    }
}
