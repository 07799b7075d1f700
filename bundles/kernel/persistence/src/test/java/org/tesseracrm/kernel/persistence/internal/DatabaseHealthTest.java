package org.tesseracrm.kernel.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.module.HealthStatus;
import org.tesseracrm.kernel.api.module.HealthStatus.State;

class DatabaseHealthTest {
    private static final List<String> DRIVERS = List.of("PostgreSQL JDBC Driver", "derby");

    @Test
    void aMisspeltDriverNameIsNamedWithTheInstalledDrivers() {
        HealthStatus status = DatabaseHealth.missing(Optional.of(config("derbyy")), DRIVERS, true);

        assertEquals(State.DOWN, status.state());
        assertTrue(status.detail().contains("'derbyy'") && status.detail().contains("osgi.jdbc.driver.name")
                && status.detail().contains("'derby'") && status.detail().contains("etc/org.ops4j.datasource-crm.cfg"),
                status.detail());
    }

    @Test
    void whileKarafBootsAMissingDriverMayStillCome() {
        assertEquals(State.STARTING, DatabaseHealth.missing(Optional.of(config("derbyy")), List.of(), false).state());
    }

    @Test
    void aKnownDriverWithoutDataSourcePointsToTheLog() {
        HealthStatus status = DatabaseHealth.missing(Optional.of(config("derby")), DRIVERS, true);
        assertEquals(State.DOWN, status.state());
        assertTrue(status.detail().contains("karaf.log"), status.detail());
    }

    @Test
    void aMissingConfigurationFileIsNamed() {
        HealthStatus status = DatabaseHealth.missing(Optional.empty(), DRIVERS, true);
        assertEquals(State.DOWN, status.state());
        assertTrue(status.detail().contains("is missing"), status.detail());
        assertTrue(DatabaseHealth.missing(Optional.of(new Properties()), DRIVERS, true).detail().contains("names no JDBC driver"));
    }

    @Test
    void aReachableDatabaseIsUp() {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:healthUp");
        derby.setCreateDatabase("create");
        assertEquals(HealthStatus.up(), DatabaseHealth.connect(derby, "jdbc:derby:memory:healthUp"));
    }

    @Test
    void anUnreachableDatabaseGivesTheDriversMessage() {
        EmbeddedDataSource derby = new EmbeddedDataSource();
        derby.setDatabaseName("memory:doesNotExist"); // no create: Derby refuses
        HealthStatus status = DatabaseHealth.connect(derby, "jdbc:derby:memory:doesNotExist");

        assertEquals(State.DOWN, status.state());
        assertTrue(status.detail().contains("jdbc:derby:memory:doesNotExist") && status.detail().contains("not found"),
                status.detail());
    }

    @Test
    void aDataSourceThatThrowsIsDown() {
        EmbeddedDataSource broken = new EmbeddedDataSource() {
            @Override
            public java.sql.Connection getConnection() throws SQLException {
                throw new SQLException("Connection refused");
            }
        };
        assertTrue(DatabaseHealth.connect(broken, "jdbc:postgresql://h/crm").detail().contains("Connection refused"));
    }

    private static Properties config(String driver) {
        Properties properties = new Properties();
        properties.setProperty("osgi.jdbc.driver.name", driver);
        return properties;
    }
}
