package org.tesseracrm.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The contacts module's real schema, plus the custom-field storages being compared. */
final class Schema {
    private Schema() {
    }

    /** Applies the contacts and companies bundles' and the record platform's own Liquibase changelogs. */
    @SuppressWarnings("deprecation") // the Liquibase facade is the short way to run one changelog
    static void migrate(Connection connection) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        // Not closed: closing Liquibase would close the connection (and shut Derby down).
        new Liquibase("db/changelog/contacts.yaml", new ClassLoaderResourceAccessor(), database).update("");
        new Liquibase("db/changelog/companies.yaml", new ClassLoaderResourceAccessor(), database).update("");
        new Liquibase("db/changelog/records.yaml", new ClassLoaderResourceAccessor(), database).update("");
        connection.commit();
    }

    /** Refreshes the optimiser's statistics after the load, as an admin's maintenance job would. */
    static void analyze(Connection connection, String db) throws SQLException {
        if (db.equals("derby")) {
            ListBenchmark.execute(connection, "CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'CRM_CONTACT', NULL)");
            ListBenchmark.execute(connection, "CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'CRM_COMPANY', NULL)");
        } else {
            ListBenchmark.execute(connection, "ANALYZE");
        }
    }

    /** @return the e-mail of the first contact of an owner (by id), for a search by the whole address */
    static String emailOf(Connection connection, String owner) throws SQLException {
        try (java.sql.PreparedStatement s = connection.prepareStatement("SELECT EMAIL FROM CRM_CONTACT WHERE OWNER = ?"
                + " AND EMAIL <> '' ORDER BY ID FETCH FIRST 1 ROWS ONLY")) {
            s.setString(1, owner);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** @return the indexes of the contacts table, as the changelog left them */
    static String indexes(Connection connection) throws SQLException {
        SortedSet<String> names = new TreeSet<>();
        for (String table : new String[] {"CRM_CONTACT", "crm_contact"}) {
            try (ResultSet rs = connection.getMetaData().getIndexInfo(null, null, table, false, true)) {
                while (rs.next()) {
                    if (rs.getString("INDEX_NAME") != null) {
                        names.add(rs.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return "Indexes on CRM_CONTACT: " + String.join(", ", names) + ".";
    }
}
