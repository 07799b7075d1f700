package org.tesseracrm.products.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.products.api.ProductFields;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * The product rules the lifecycle keeps, on the module's tables in an in-memory Derby: a code no other product has
 * (whatever its case), and a new product active unless the caller said otherwise (the platform stores an unset
 * boolean as false, as {@link #insert} does here).
 */
class ProductLifecycleTest {
    private Connection c;
    private final ProductLifecycle lifecycle = new ProductLifecycle(null, null, null);

    @BeforeEach
    @SuppressWarnings("deprecation") // Liquibase.update(Contexts) is the short way for a test
    void migrated(TestInfo info) throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:lifecycle" + info.getDisplayName().replaceAll("\\W", ""));
        dataSource.setCreateDatabase("create");
        c = dataSource.getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        new Liquibase("db/changelog/products.yaml", new ClassLoaderResourceAccessor(), database).update(new Contexts());
        c.setAutoCommit(false);
    }

    @Test
    void aNewProductIsActiveUnlessTheCallerSaidOtherwise() {
        ProductRecordType type = new ProductRecordType(null);
        assertEquals(java.util.Optional.of(Boolean.TRUE), type.defaultValue(ProductFields.ACTIVE));
        assertEquals(java.util.Optional.empty(), type.defaultValue(ProductFields.CODE));
    }

    @Test
    void aCodeAnotherProductHasIsRefusedOnTheCodeNamingThatProduct() throws SQLException {
        create(1, "W-1", null);
        ValidationException taken = assertThrows(ValidationException.class, () -> create(2, " w-1", null));
        assertEquals(List.of(new FieldError("code", "The code w-1 is already used by the product \"Product 1\": give "
                + "this product another code")), taken.errors());
        // a product saved again with its own code in another case is fine, and its key follows
        RecordRow before = row(1, "W-1", true);
        lifecycle.afterUpdate(change(1, before, row(1, "w-1", true)));
        create(3, "W-2", null);
        assertThrows(ValidationException.class, () -> lifecycle.afterUpdate(change(3, row(3, "W-2", true),
                row(3, "w-1", true))), "another product taking it by an update");
    }

    /** Inserts as the platform does (an unset boolean as false) with the lifecycle's calls around it. */
    private void create(long id, String code, Boolean active) throws SQLException {
        Map<String, Object> proposed = new HashMap<>(Map.of("name", "Product " + id, "code", code, "currency", "EUR"));
        if (active != null) {
            proposed.put("active", active);
        }
        lifecycle.beforeCreate(change(id, null, new RecordRow(id, 0, proposed)));
        insert(id, code, Boolean.TRUE.equals(active));
        lifecycle.afterCreate(change(id, null, row(id, code, Boolean.TRUE.equals(active))));
    }

    private void insert(long id, String code, boolean active) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO CRM_PRODUCT (ID, NAME, CODE, ACTIVE, CURRENCY, OWNER, "
                + "CREATED_AT, UPDATED_AT, VERSION) VALUES (?, ?, ?, ?, 'EUR', 'admin', ?, ?, 1)")) {
            Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 12, 5, 9, 0));
            s.setLong(1, id);
            s.setString(2, "Product " + id);
            s.setString(3, code.strip());
            s.setBoolean(4, active);
            s.setTimestamp(5, now);
            s.setTimestamp(6, now);
            s.executeUpdate();
        }
    }

    private static RecordRow row(long id, String code, boolean active) {
        return new RecordRow(id, 1, Map.of("name", "Product " + id, "code", code.strip(), "active", active,
                "currency", "EUR"));
    }

    private RecordLifecycle.Change change(long id, RecordRow before, RecordRow after) {
        return new RecordLifecycle.Change() {
            @Override
            public String recordType() {
                return "product";
            }

            @Override
            public long id() {
                return id;
            }

            @Override
            public String actor() {
                return "admin";
            }

            @Override
            public Set<String> fields() {
                return after.values().keySet();
            }

            @Override
            public Optional<RecordRow> before() {
                return Optional.ofNullable(before);
            }

            @Override
            public Optional<RecordRow> after() {
                return Optional.of(after);
            }

            @Override
            public Connection connection() {
                return c;
            }

            @Override
            public Records records() {
                throw new UnsupportedOperationException();
            }
        };
    }
}
