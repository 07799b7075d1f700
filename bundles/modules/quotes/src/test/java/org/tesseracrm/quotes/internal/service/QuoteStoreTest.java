package org.tesseracrm.quotes.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The module's changelog and its SQL on an in-memory Derby, as the distribution's default database runs them. */
class QuoteStoreTest {
    private Connection c;

    @BeforeEach
    @SuppressWarnings("deprecation") // Liquibase.update(Contexts) is the short way for a test
    void migrated(TestInfo info) throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:quotes" + info.getDisplayName().replaceAll("\\W", ""));
        dataSource.setCreateDatabase("create");
        c = dataSource.getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        new Liquibase("db/changelog/quotes.yaml", new ClassLoaderResourceAccessor(), database).update(new Contexts());
        c.setAutoCommit(false);
    }

    @Test
    void numbersCountFromOneEachYear() throws SQLException {
        assertEquals(1, QuoteStore.nextNumber(c, 2026));
        assertEquals(2, QuoteStore.nextNumber(c, 2026));
        assertEquals(1, QuoteStore.nextNumber(c, 2027), "a new year starts at 1");
        assertEquals(3, QuoteStore.nextNumber(c, 2026));
        c.rollback();
        assertEquals(1, QuoteStore.nextNumber(c, 2026), "a rolled-back create gives its number back");
    }

    @Test
    void aNumberAndRevisionAreUniqueAndRevisionsAreUnlinkedOnDelete() throws SQLException {
        quote(1);
        quote(2);
        quote(3);
        QuoteStore.setNumber(c, 1, QuoteRules.number(2026, 42), 1);
        QuoteStore.setNumber(c, 2, QuoteRules.number(2026, 42), 2);
        assertThrows(SQLException.class, () -> QuoteStore.setNumber(c, 3, QuoteRules.number(2026, 42), 2));
        c.rollback();
        quote(1);
        quote(2);
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_QUOTE SET NEXT_ID = 2 WHERE ID = 1")) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_QUOTE SET PREVIOUS_ID = 1 WHERE ID = 2")) {
            ps.executeUpdate();
        }
        QuoteStore.unlink(c, 2);
        assertEquals(0, count("NEXT_ID IS NOT NULL"));
        QuoteStore.unlink(c, 1);
        assertEquals(0, count("PREVIOUS_ID IS NOT NULL"));
    }

    private void quote(long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CRM_QUOTE (ID, SUBJECT, OWNER, CREATED_AT, "
                + "UPDATED_AT, VERSION) VALUES (?, 'Chairs', 'ana', ?, ?, 0)")) {
            Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 12, 5, 9, 0));
            ps.setLong(1, id);
            ps.setTimestamp(2, now);
            ps.setTimestamp(3, now);
            ps.executeUpdate();
        }
    }

    private int count(String where) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM CRM_QUOTE WHERE " + where);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
