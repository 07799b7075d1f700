package org.tesseracrm.reports.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tesseracrm.kernel.api.record.DateBucket;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.Measure;
import org.tesseracrm.kernel.api.record.Aggregate;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.Frequency;
import org.tesseracrm.reports.api.Report;
import org.tesseracrm.reports.api.ReportSort;
import org.tesseracrm.reports.api.ReportSpec;
import org.tesseracrm.reports.api.Schedule;
import org.tesseracrm.reports.api.Sharing;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The module's changelog and its SQL on an in-memory Derby, as the distribution's default database runs them. */
class ReportStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private static final ReportSpec SPEC = new ReportSpec("opportunity", "big", List.of(Filter.of("phase",
            FilterOp.IN, "Won")), List.of(Grouping.by("owner"), Grouping.by("closeDate", DateBucket.MONTH)),
            List.of(Measure.count(), Measure.of(Aggregate.SUM, "amount")), Optional.of("closeDate"),
            ChartKind.STACKED_BAR, ReportSort.VALUE_DESC, 10);
    private Connection c;

    @BeforeEach
    @SuppressWarnings("deprecation") // Liquibase.update(Contexts) is the short way for a test
    void migrated(TestInfo info) throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:reports" + info.getDisplayName().replaceAll("\\W", ""));
        dataSource.setCreateDatabase("create");
        c = dataSource.getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        new Liquibase("db/changelog/reports.yaml", new ClassLoaderResourceAccessor(), database).update(new Contexts());
        c.setAutoCommit(false);
    }

    @Test
    void savedSpecReadsBackAndVersionsGuardChanges() throws Exception {
        Report saved = ReportStore.insert(c, "ann", "Won by month", "", SPEC, Sharing.PRIVATE, NOW);
        Report read = ReportStore.get(c, saved.id()).orElseThrow();
        assertEquals(SPEC, read.spec());
        assertEquals(1, read.version());
        assertEquals(saved, read);
        assertTrue(ReportStore.update(c, saved.id(), 2, "x", "", SPEC, Sharing.PRIVATE, NOW).isEmpty(), "stale");
        Report changed = ReportStore.update(c, saved.id(), 1, "Won", "d", SPEC,
                new Sharing(false, Set.of("7"), Set.of("3")), NOW).orElseThrow();
        assertEquals(2, changed.version());
        assertEquals(Set.of("7"), changed.sharing().roles());
        assertEquals(Set.of("3"), changed.sharing().groups());
        assertFalse(ReportStore.delete(c, saved.id(), 1), "stale version");
        ReportStore.putSchedule(c, new Schedule(saved.id(), Frequency.WEEKLY, ExportFormat.CSV, Set.of("bob"),
                Optional.of(NOW)));
        assertTrue(ReportStore.delete(c, saved.id(), 2));
        assertTrue(ReportStore.get(c, saved.id()).isEmpty());
        assertTrue(ReportStore.schedule(c, saved.id()).isEmpty());
    }

    @Test
    void eachViewerListsWhatTheSharingReaches() throws Exception {
        ReportStore.insert(c, "ann", "A private", "", SPEC, Sharing.PRIVATE, NOW);
        ReportStore.insert(c, "ann", "B everyone", "", SPEC, new Sharing(true, Set.of(), Set.of()), NOW);
        ReportStore.insert(c, "ann", "C role 7", "", SPEC, new Sharing(false, Set.of("7"), Set.of()), NOW);
        ReportStore.insert(c, "ann", "D group 3", "", SPEC, new Sharing(false, Set.of(), Set.of("3", "4")), NOW);
        ReportStore.insert(c, "bob", "E bob's", "", SPEC, Sharing.PRIVATE, NOW);
        assertEquals(List.of("A private", "B everyone", "C role 7", "D group 3"),
                names(new Viewer("ann", Optional.empty(), Set.of(), false)));
        assertEquals(List.of("B everyone", "E bob's"), names(new Viewer("bob", Optional.of("8"), Set.of("5"), false)));
        assertEquals(List.of("B everyone", "C role 7"), names(new Viewer("cid", Optional.of("7"), Set.of(), false)));
        assertEquals(List.of("B everyone", "D group 3"),
                names(new Viewer("dan", Optional.empty(), Set.of("1", "4"), false)));
        assertEquals(5, names(new Viewer("eve", Optional.empty(), Set.of(), true)).size());
    }

    @Test
    void schedulesAreOnePerReport() throws Exception {
        Report r = ReportStore.insert(c, "ann", "R", "", SPEC, Sharing.PRIVATE, NOW);
        ReportStore.putSchedule(c, new Schedule(r.id(), Frequency.DAILY, ExportFormat.XLSX, Set.of("ann", "bob"),
                Optional.of(NOW)));
        ReportStore.putSchedule(c, new Schedule(r.id(), Frequency.MONTHLY, ExportFormat.CSV, Set.of("bob"),
                Optional.of(NOW.plusSeconds(60))));
        Schedule read = ReportStore.schedule(c, r.id()).orElseThrow();
        assertEquals(Frequency.MONTHLY, read.frequency());
        assertEquals(Set.of("bob"), read.recipients());
        assertEquals(Optional.of(NOW.plusSeconds(60)), read.next());
        ReportStore.putSchedule(c, new Schedule(r.id(), Frequency.NONE, ExportFormat.CSV, Set.of(), Optional.empty()));
        assertTrue(ReportStore.schedule(c, r.id()).isEmpty());
        assertEquals(Set.of(r.id()), ReportStore.idsOfType(c, "opportunity"));
    }

    private List<String> names(Viewer viewer) throws Exception {
        return ReportStore.visible(c, viewer).stream().map(Report::name).toList();
    }
}
