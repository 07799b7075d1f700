package org.tesseracrm.kernel.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.module.HealthStatus.State;

class SchemaHealthTest {
    private final SchemaHealth health = new SchemaHealth();

    @Test
    void startingUntilTheExtenderRuns() {
        assertEquals(State.STARTING, health.status().state());
        health.running(true);
        assertEquals(State.UP, health.status().state());
    }

    @Test
    void aFailedMigrationNamesBundleChangelogAndTheDatabasesAnswerUntilItSucceeds() {
        health.running(true);
        health.failed("org.tesseracrm.contacts", "db/changelog/contacts.yaml",
                new IllegalStateException("Migration failed", new SQLException("Table 'CONTACT' already exists")));

        assertEquals(State.DOWN, health.status().state());
        String detail = health.status().detail();
        assertTrue(detail.contains("org.tesseracrm.contacts") && detail.contains("db/changelog/contacts.yaml")
                && detail.contains("Table 'CONTACT' already exists"), detail);

        assertTrue(detail.endsWith("already exists."), "the driver's message ends the sentence: " + detail);

        health.cleared("org.tesseracrm.contacts");
        assertEquals(State.UP, health.status().state());
    }
}
