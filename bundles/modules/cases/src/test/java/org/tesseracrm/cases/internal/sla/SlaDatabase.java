package org.tesseracrm.cases.internal.sla;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.apache.derby.jdbc.EmbeddedDataSource;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The SLA tests' in-memory Derby with the module's changelog, and the case columns they read back. */
final class SlaDatabase {
    private SlaDatabase() {
    }

    /**
     * @param name the database's name, one per test
     * @return a connection without auto-commit to a database the changelog built
     */
    @SuppressWarnings("deprecation") // Liquibase.update(Contexts) is the short way for a test
    static Connection migrated(String name) throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + name.replaceAll("\\W", ""));
        dataSource.setCreateDatabase("create");
        Connection c = dataSource.getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        new Liquibase("db/changelog/cases.yaml", new ClassLoaderResourceAccessor(), database).update(new Contexts());
        c.setAutoCommit(false);
        return c;
    }

    /** @return the case's SLA due time as a UTC local date-time text, "" for none */
    static String due(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT SLA_DUE_AT FROM CRM_CASE WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1) == null ? "" : rs.getTimestamp(1).toLocalDateTime().toString();
            }
        }
    }
}
