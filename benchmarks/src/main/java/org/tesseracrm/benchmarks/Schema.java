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

    /** Applies the contacts bundle's own Liquibase changelog. */
    @SuppressWarnings("deprecation") // the Liquibase facade is the short way to run one changelog
    static void migrate(Connection connection) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        // Not closed: closing Liquibase would close the connection (and shut Derby down).
        new Liquibase("db/changelog/contacts.yaml", new ClassLoaderResourceAccessor(), database).update("");
        connection.commit();
    }

    /**
     * Candidate 1: an extension table with one real, indexed column per custom field (1:1 with the
     * record). Candidate 2: one entity-attribute-value table for all custom fields, indexed by
     * field and value.
     */
    static void addCustomFieldCandidates(Connection connection) throws SQLException {
        ListBenchmark.execute(connection,
                "CREATE TABLE CRM_CONTACT_CF (ID BIGINT NOT NULL PRIMARY KEY, CF_SEGMENT VARCHAR(40), CF_SCORE INTEGER, "
                        + "CF_RENEWAL DATE)",
                "CREATE INDEX IX_CONTACT_CF_SEGMENT ON CRM_CONTACT_CF (CF_SEGMENT)",
                "CREATE INDEX IX_CONTACT_CF_SCORE ON CRM_CONTACT_CF (CF_SCORE)",
                "CREATE INDEX IX_CONTACT_CF_RENEWAL ON CRM_CONTACT_CF (CF_RENEWAL)",
                "CREATE TABLE CRM_CUSTOM_VALUE (RECORD_ID BIGINT NOT NULL, FIELD VARCHAR(40) NOT NULL, "
                        + "TEXT_VALUE VARCHAR(200), NUM_VALUE DECIMAL(19,4), DATE_VALUE DATE, PRIMARY KEY (RECORD_ID, FIELD))",
                "CREATE INDEX IX_CV_TEXT ON CRM_CUSTOM_VALUE (FIELD, TEXT_VALUE, RECORD_ID)",
                "CREATE INDEX IX_CV_NUM ON CRM_CUSTOM_VALUE (FIELD, NUM_VALUE, RECORD_ID)");
    }

    /** Refreshes the optimiser's statistics after the load, as an admin's maintenance job would. */
    static void analyze(Connection connection, String db) throws SQLException {
        if (db.equals("derby")) {
            for (String table : new String[] {"CRM_CONTACT", "CRM_CONTACT_CF", "CRM_CUSTOM_VALUE"}) {
                ListBenchmark.execute(connection, "CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table + "', NULL)");
            }
        } else {
            ListBenchmark.execute(connection, "ANALYZE");
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
