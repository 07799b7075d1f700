package org.tesseracrm.kernel.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiquibaseMigratorTest {

    private EmbeddedDataSource dataSource;
    private LiquibaseMigrator migrator;

    @BeforeEach
    void freshDatabase(org.junit.jupiter.api.TestInfo info) {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + info.getDisplayName().replaceAll("\\W", ""));
        dataSource.setCreateDatabase("create");
        migrator = new LiquibaseMigrator(dataSource);
    }

    @Test
    void secondStartAppliesNothingAndKeepsData() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        migrator.migrate("db/changelog/test-notes.yaml", loader);
        execute("INSERT INTO TEST_NOTE (ID, BODY) VALUES (1, 'kept')");

        migrator.migrate("db/changelog/test-notes.yaml", loader);

        assertEquals(1, count("SELECT COUNT(*) FROM TEST_NOTE"));
        assertEquals(1, count("SELECT COUNT(*) FROM DATABASECHANGELOG"));
    }

    @Test
    void newerChangelogAddsOnlyItsNewChangeset() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        migrator.migrate("db/changelog/test-notes.yaml", loader);
        execute("INSERT INTO TEST_NOTE (ID, BODY) VALUES (1, 'kept')");

        migrator.migrate("db/changelog/test-notes-v2.yaml", loader);

        execute("UPDATE TEST_NOTE SET AUTHOR = 'ada' WHERE ID = 1");
        assertEquals(1, count("SELECT COUNT(*) FROM TEST_NOTE WHERE AUTHOR = 'ada' AND BODY = 'kept'"));
        assertEquals(2, count("SELECT COUNT(*) FROM DATABASECHANGELOG"));
    }

    @Test
    void leavesEmbeddedDerbyRunning() throws Exception {
        migrator.migrate("db/changelog/test-notes.yaml", getClass().getClassLoader());
        try (Connection c = dataSource.getConnection()) {
            assertTrue(c.isValid(1));
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
