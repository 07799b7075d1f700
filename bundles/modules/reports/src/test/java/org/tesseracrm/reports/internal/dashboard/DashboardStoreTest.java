package org.tesseracrm.reports.internal.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tesseracrm.reports.api.Sharing;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The dashboards' changelog and SQL on an in-memory Derby, as the distribution's default database runs them. */
class DashboardStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private Connection c;

    @BeforeEach
    @SuppressWarnings("deprecation") // Liquibase.update(Contexts) is the short way for a test
    void migrated(TestInfo info) throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:dashboards" + info.getDisplayName().replaceAll("\\W", ""));
        dataSource.setCreateDatabase("create");
        c = dataSource.getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        // the id generator table is the reports' own; the dashboards' file comes after it in reports.yaml
        for (String file : List.of("db/changelog/reports-core.yaml", "db/changelog/reports-dashboards.yaml")) {
            new Liquibase(file, new ClassLoaderResourceAccessor(), database).update(new Contexts());
        }
        c.setAutoCommit(false);
    }

    @Test
    void aDashboardReadsBackWithItsWidgetsInOrderSharingAndPeriod() throws Exception {
        DashboardInput input = new DashboardInput(0, 0, "Pipeline", new Sharing(false, Set.of("7"), Set.of("3", "4")),
                DashboardPeriod.custom(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31")),
                List.of(new Widget("report:2", 2), new Widget("source:kpi.nps", 1), new Widget("report:1", 4)));
        Dashboard saved = DashboardStore.insert(c, "ann", input, "Pipeline", NOW);
        Dashboard read = DashboardStore.get(c, saved.id()).orElseThrow();
        assertEquals(saved, read);
        assertEquals(1, read.version());
        assertEquals(input.widgets(), read.widgets());
        assertEquals(input.sharing(), read.sharing());
        assertEquals(input.period(), read.period());
        assertEquals("ann", read.owner());
    }

    @Test
    void aChangeNeedsTheVersionReadAndReplacesWidgetsAndShares() throws Exception {
        Dashboard saved = DashboardStore.insert(c, "ann", new DashboardInput(0, 0, "Mine", Sharing.PRIVATE,
                DashboardPeriod.ALL, List.of(new Widget("report:1", 2), new Widget("report:2", 2))), "Mine", NOW);
        DashboardInput moved = new DashboardInput(saved.id(), 1, "Mine", new Sharing(true, Set.of(), Set.of()),
                DashboardPeriod.of(DashboardPeriod.Choice.LAST_MONTH), Layout.move(saved.widgets(), 1, 0));
        assertTrue(DashboardStore.update(c, new DashboardInput(saved.id(), 5, "x", Sharing.PRIVATE, DashboardPeriod.ALL,
                List.of()), "x", NOW).isEmpty(), "stale version");
        Dashboard changed = DashboardStore.update(c, moved, "Mine", NOW).orElseThrow();
        assertEquals(2, changed.version());
        assertEquals(List.of("report:2", "report:1"), changed.widgets().stream().map(Widget::reportKey).toList());
        assertTrue(changed.sharing().everyone());
        assertEquals(DashboardPeriod.Choice.LAST_MONTH, changed.period().choice());
    }

    @Test
    void profileDefaultsAreSetClearedAndGoWithTheirDashboard() throws Exception {
        Dashboard a = DashboardStore.insert(c, "ann", new DashboardInput(0, 0, "A", Sharing.PRIVATE,
                DashboardPeriod.ALL, List.of()), "A", NOW);
        Dashboard b = DashboardStore.insert(c, "ann", new DashboardInput(0, 0, "B", Sharing.PRIVATE,
                DashboardPeriod.ALL, List.of(new Widget("report:1", 1))), "B", NOW);
        DashboardStore.setDefault(c, 3, Optional.of(a.id()));
        DashboardStore.setDefault(c, 4, Optional.of(b.id()));
        DashboardStore.setDefault(c, 3, Optional.of(b.id()));
        assertEquals(Map.of(3L, b.id(), 4L, b.id()), DashboardStore.defaults(c));
        DashboardStore.setDefault(c, 4, Optional.empty());
        assertEquals(Map.of(3L, b.id()), DashboardStore.defaults(c));
        assertFalse(DashboardStore.delete(c, b.id(), 9), "stale version");
        assertTrue(DashboardStore.delete(c, b.id(), 1));
        assertEquals(Map.of(), DashboardStore.defaults(c), "a deleted dashboard is no default");
        assertEquals(List.of("A"), DashboardStore.all(c).stream().map(Dashboard::name).toList());
    }
}
