package org.tesseracrm.distribution;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;

/**
 * The same module life cycle as {@link ContactsModuleIT}, with the distribution pointed at PostgreSQL
 * by editing its DataSource configuration, as an admin would: Liquibase migrations, JPA units and the
 * data surviving uninstall and reinstall, on the production database.
 *
 * <p>Needs a PostgreSQL server; {@code .ci/run} installs and starts one. Connection from the system
 * properties {@code tessera.it.pg.url}, {@code .user} and {@code .password}, by default
 * {@code jdbc:postgresql://127.0.0.1:5432/tessera_it} as tessera/tessera. The database is emptied first.
 */
public class ContactsModulePostgresIT extends ContactsModuleIT {
    private static final String URL = System.getProperty("tessera.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/tessera_it");
    private static final String USER = System.getProperty("tessera.it.pg.user", "tessera");
    private static final String PASSWORD = System.getProperty("tessera.it.pg.password", "tessera");
    private static final String DATASOURCE = "etc/org.ops4j.datasource-crm.cfg";

    @Override
    @Configuration
    public Option[] config() throws java.io.IOException {
        emptyDatabase();
        return PaxExamSupport.distribution(httpPort(),
                editConfigurationFilePut(DATASOURCE, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
                editConfigurationFilePut(DATASOURCE, "url", URL + "?reWriteBatchedInserts=true"),
                editConfigurationFilePut(DATASOURCE, "user", USER),
                editConfigurationFilePut(DATASOURCE, "password", PASSWORD));
    }

    private static void emptyDatabase() {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA public CASCADE");
            s.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + URL + " as " + USER
                    + ": start it as .ci/run does (" + e.getMessage() + ")", e);
        }
    }
}
