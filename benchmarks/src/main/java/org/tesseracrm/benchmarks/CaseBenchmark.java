package org.tesseracrm.benchmarks;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.cases.internal.service.CaseRecordType;
import org.tesseracrm.cases.internal.sla.EscalationChannel;
import org.tesseracrm.cases.internal.sla.InAppEscalation;
import org.tesseracrm.cases.internal.sla.SlaService;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.notification.NotificationReceipt;
import org.tesseracrm.kernel.api.notification.Notifications;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.Visibility;
import org.tesseracrm.kernel.records.internal.FieldCatalog;
import org.tesseracrm.kernel.records.internal.Lifecycle;
import org.tesseracrm.kernel.records.internal.PickListSeeds;
import org.tesseracrm.kernel.records.internal.RecordSearchImpl;
import org.tesseracrm.kernel.records.internal.RecordTypeRegistry;
import org.tesseracrm.kernel.records.internal.RecordsImpl;

/**
 * The cases' SLA benchmark (issue 21 item 9): 200,000 open cases with SLA clocks ({@link Cases}) on the cases
 * module's schema (its Liquibase changelog), then
 * <ul>
 * <li>the escalation sweep's run: {@code SlaService.sweepNow()}, the module's own sweep (what its durable timer
 * {@code cases.sla.sweep} calls every minute: the due clocks read with their cases through
 * {@code IX_CASE_SLA_CLOCK_NEXT} 500 at a time in one query, the settings, each case worked out in memory; the cases
 * that only move on written in one transaction per batch (a JDBC batch per table), each case with a level due in a
 * transaction of its own: clock and state written, the level moved by the conditional UPDATE, the escalation row,
 * the audit entry and the in-app channel {@code InAppEscalation}). Before each timed run (untimed) the due cases get
 * back the clock and state they had
 * before, so every run sweeps the same cases at the same instant ({@link Cases#NOW}, set as the service's clock);
 * with 1 % of the cases due (2,000), 0.1 % (the first 200 of them) and none;</li>
 * <li>the breached list: the first page of 50 cases filtered on SLA state Breached (the filter dialog's "in" on a
 * pick-list) in the list's default order (created, newest first), through {@code Records.page} of the record
 * platform ({@code RecordSql} with the visible condition: every owner, a manager's 10 of 50, a rep's own), and the
 * list's capped count that the list shows above it.</li>
 * </ul>
 * The module's classes are wired as Declarative Services wires them: {@code SlaService} through its
 * {@code @Activate} constructor (each parameter given by its type), its clock and the channel through its
 * package-private setter and bind method (reflectively, as DS and its tests do). Stand-ins: permissions (all allowed),
 * the role tree ({@code SecurityAdmin.roles/users}: a 50-user tree of 9 roles, handed over from memory), the audit
 * trail and the notifications (they count what they are given, checked after each run, and write nothing).
 *
 * <p>Keeps its loaded databases ({@code target/bench-cases-derby}, and the cases tables of the PostgreSQL database
 * given, next to what {@link PipelineBenchmark} keeps there) and loads again only when the case count differs.
 * System properties as {@link ListBenchmark} ({@code tessera.bench.db}, {@code .runs}, {@code .pg.url/.user/.password})
 * and {@code tessera.bench.cases} (default 200,000), {@code tessera.bench.reload=true}. Writes
 * {@code target/case-results.md}.
 */
public final class CaseBenchmark {
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");
    private static final int PAGE = 50;
    private static final int WARMUP = 3;
    /** Runs of a sweep with cases due: each takes seconds. */
    private static final int SWEEP_RUNS = 11;
    private static final double SWEEP_TARGET = 100;
    private static final double PAGE_TARGET = 150;

    private final String db;
    private final Connection connection;
    private final int runs;
    private final AtomicInteger audited = new AtomicInteger();
    private final AtomicInteger notified = new AtomicInteger();
    private SlaService sla;

    private CaseBenchmark(String db, Connection connection, int runs) {
        this.db = db;
        this.connection = connection;
        this.runs = runs;
    }

    /**
     * @param args unused; see the class comment for the system properties
     * @throws Exception if a database is unreachable or a statement fails
     */
    public static void main(String[] args) throws Exception {
        int cases = Integer.getInteger("tessera.bench.cases", 200_000);
        int runs = Integer.getInteger("tessera.bench.runs", 21);
        Path dir = Path.of(System.getProperty("tessera.bench.dir", "target"));
        LIQUIBASE_LOG.setLevel(Level.WARNING);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("liquibase.showSummaryOutput", "log");
        StringBuilder report = new StringBuilder(Machine.describe()).append("\n\n");
        for (String db : System.getProperty("tessera.bench.db", "derby,postgresql").split(",")) {
            try (Connection connection = open(db.trim(), dir, cases)) {
                report.append(new CaseBenchmark(db.trim(), connection, runs).run(cases)).append('\n');
                connection.rollback();
            }
        }
        Path out = dir.resolve("case-results.md");
        Files.writeString(out, report);
        System.out.println(report);
        System.out.println("Written to " + out);
    }

    private String run(int cases) throws Exception {
        RecordTypeRegistry types = Platform.types();
        types.addType(new CaseRecordType(null));
        FieldCatalog catalog = Platform.catalog(connection);
        new PickListSeeds(catalog, types); // the cases' declared pick-lists (types, statuses, SLA states...)
        long start = System.nanoTime();
        // as at a start: the global search told of the types, their search indexes in place (made after a load)
        new RecordSearchImpl(types, catalog, Platform.allowed(new Visibility(true, Set.of())));
        System.out.printf("%s: platform ready in %.1f s%n", db, (System.nanoTime() - start) / 1e9);
        sla = slaService(types, catalog);
        StringBuilder out = new StringBuilder(String.format("### %s, %,d open cases with SLA clocks%n%n", db,
                Opportunities.count(connection, "CRM_CASE")));
        out.append(states()).append('\n');
        out.append("| What | median ms | p95 ms | min ms | max ms | rows | target | median / target |\n"
                + "|---|---:|---:|---:|---:|---:|---|---:|\n");
        sweeps(out);
        pages(out, types, catalog);
        return out.append('\n').toString();
    }

    // ---- the sweep

    private void sweeps(StringBuilder out) throws SQLException {
        List<long[]> due = dueCases();
        if (due.isEmpty()) {
            throw new IllegalStateException("No cases due in the sweep window: load again (tessera.bench.reload)");
        }
        reset(due, due.size());
        // the sweep's query alone, as SlaStore.dueCases issues it (first batch of 500: due clocks with their cases)
        String query = "SELECT K.*, CRM_CASE.ID, CRM_CASE.CASE_TYPE, CRM_CASE.PRIORITY, CRM_CASE.STATUS, "
                + "CRM_CASE.RESPONSIBLE, CRM_CASE.OWNER, CRM_CASE.CASE_NUMBER, CRM_CASE.SUBJECT, CRM_CASE.SLA_STATE, "
                + "CRM_CASE.ESCALATION_LEVEL, CRM_CASE.CREATED_AT, CRM_CASE.SLA_DUE_AT FROM (SELECT CASE_ID, "
                + "CALENDAR_ID, STARTED_AT, ALLOWED_SECONDS, PAUSED_SECONDS, PAUSED_SINCE, NEXT_CHECK_AT FROM "
                + ModuleSql.preferIndex("CASE_SLA_CLOCK", "IX_CASE_SLA_CLOCK_NEXT")
                + " WHERE NEXT_CHECK_AT <= ? ORDER BY NEXT_CHECK_AT FETCH FIRST 500 ROWS ONLY) K LEFT OUTER JOIN "
                + "CRM_CASE --DERBY-PROPERTIES joinStrategy=NESTEDLOOP\n ON CRM_CASE.ID = K.CASE_ID "
                + "ORDER BY K.NEXT_CHECK_AT";
        row(out, String.format("the sweep's query alone (`SlaStore.dueCases`: %,d clocks due, the first batch of "
                + "500 through `IX_CASE_SLA_CLOCK_NEXT` with their cases)", due.size()), "",
                time(runs, () -> dueIds(query)), 0);
        int all = 0; // the escalation rows of NOW after a sweep of all the due cases
        TransactionScope scope = Platform.sharedScope(connection);
        for (int count : new int[] {due.size(), due.size() / 10}) {
            int audits = audited.get();
            // one untimed run to learn how many escalations a run makes; each timed run must make as many
            reset(due, count);
            sla.sweepNow();
            int escalations = audited.get() - audits;
            all = count == due.size() ? escalations : all;
            check(escalations, all, notified.get());
            Stats stats = sweep(due, count, escalations, sla::sweepNow);
            row(out, String.format("a sweep run, `SlaService.sweepNow()`: %,d cases due (%.1f %%), of which %,d "
                    + "escalate (%s)", count, count * 100.0 / Opportunities.count(connection, "CASE_SLA_CLOCK"),
                    escalations, count == due.size() ? "the brief's 1 % in one timer period" : "a tenth of that"),
                    "≤ 100 ms (PostgreSQL)", stats, SWEEP_TARGET);
            row(out, "  the same per due case", "", stats.per(count), 0);
            if (count == due.size()) {
                // diagnostics, not the product: where a run's time goes
                row(out, "  diagnostic: the same run in one transaction (the harness's scope joins the per-case "
                        + "`requiresNew`: one commit per run instead of one per case)", "",
                        sweep(due, count, escalations, () -> scope.required(c -> sla.sweepNow())), 0);
                if (db.equals("postgresql")) {
                    ListBenchmark.execute(connection, "SET synchronous_commit = off");
                    row(out, "  diagnostic: the same per-case transactions with `synchronous_commit = off` (commits "
                            + "not waiting for the WAL flush)", "", sweep(due, count, escalations, sla::sweepNow), 0);
                    ListBenchmark.execute(connection, "SET synchronous_commit = on");
                }
            }
        }
        // nothing due: what every minute's run costs on a quiet desk
        row(out, "a sweep run with nothing due (the query, the settings, the role tree)", "≤ 100 ms (PostgreSQL)",
                time(runs, () -> sla.sweepNow() + 1), SWEEP_TARGET);
    }

    /** Times sweep runs over the first {@code count} due cases, each after their reset; checks each run's escalations. */
    private Stats sweep(List<long[]> due, int count, int escalations, IntSupplier sweep) throws SQLException {
        Stats stats = timePrepared(Math.min(runs, SWEEP_RUNS), WARMUP, () -> reset(due, count), () -> {
            int before = audited.get();
            int escalated = sweep.getAsInt();
            if (escalated != escalations || audited.get() - before != escalations) {
                throw new IllegalStateException("A sweep escalated " + escalated + " cases (" + (audited.get()
                        - before) + " audit entries), the first " + escalations);
            }
            return count;
        });
        checkNothingDue();
        return stats;
    }

    /** @return the due cases' id, next check, level and state code, as the load left them (BENCH_SLA_DUE) */
    private List<long[]> dueCases() throws SQLException {
        List<long[]> due = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT CASE_ID, NEXT_CHECK_AT, ESCALATION_LEVEL, SLA_STATE FROM BENCH_SLA_DUE ORDER BY CASE_ID")) {
            while (rs.next()) {
                due.add(new long[] {rs.getLong(1), rs.getTimestamp(2).getTime(), rs.getLong(3),
                    CaseFields.SLA_STATES.indexOf(rs.getString(4))});
            }
        }
        connection.commit();
        return due;
    }

    /** Gives the first {@code count} due cases back their clock's next check, level and state; drops their escalations of NOW. */
    private int reset(List<long[]> due, int count) {
        try (PreparedStatement clock = connection.prepareStatement(
                "UPDATE CASE_SLA_CLOCK SET NEXT_CHECK_AT = ? WHERE CASE_ID = ?");
                PreparedStatement cs = connection.prepareStatement(
                        "UPDATE CRM_CASE SET ESCALATION_LEVEL = ?, SLA_STATE = ? WHERE ID = ?");
                PreparedStatement escalation = connection.prepareStatement(
                        "DELETE FROM CASE_SLA_ESCALATION WHERE CASE_ID = ? AND ESCALATED_AT = ?")) {
            for (long[] d : due.subList(0, count)) {
                clock.setTimestamp(1, new java.sql.Timestamp(d[1]));
                clock.setLong(2, d[0]);
                clock.addBatch();
                if (d[2] == 0) {
                    cs.setNull(1, java.sql.Types.DECIMAL);
                } else {
                    cs.setLong(1, d[2]);
                }
                cs.setString(2, CaseFields.SLA_STATES.get((int) d[3]));
                cs.setLong(3, d[0]);
                cs.addBatch();
                escalation.setLong(1, d[0]);
                escalation.setTimestamp(2, Cases.timestamp(Cases.NOW));
                escalation.addBatch();
            }
            clock.executeBatch();
            cs.executeBatch();
            escalation.executeBatch();
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return count;
    }

    private int dueIds(String query) {
        try (PreparedStatement ps = connection.prepareStatement(query)) {
            ps.setMaxRows(500);
            ps.setTimestamp(1, Cases.timestamp(Cases.NOW));
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                }
            }
            connection.commit();
            return n;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Checks the first sweep over the reset cases: escalations made, their rows at NOW (those of the due cases not
     * reset stay from the run before), notifications sent, nothing left due.
     */
    private void check(int escalations, int expectedRows, int notifications) throws SQLException {
        long rows;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT COUNT(*) FROM CASE_SLA_ESCALATION WHERE ESCALATED_AT = ?")) {
            ps.setTimestamp(1, Cases.timestamp(Cases.NOW));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rows = rs.getLong(1);
            }
        } finally {
            connection.commit();
        }
        if (escalations == 0 || rows != expectedRows || notifications == 0) {
            throw new IllegalStateException("The sweep escalated " + escalations + " cases, " + rows + " escalation "
                    + "rows at " + Cases.NOW + ", " + notifications + " notifications");
        }
        checkNothingDue();
    }

    private void checkNothingDue() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT COUNT(*) FROM CASE_SLA_CLOCK WHERE NEXT_CHECK_AT <= ?")) {
            ps.setTimestamp(1, Cases.timestamp(Cases.NOW));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    throw new IllegalStateException(rs.getLong(1) + " clocks still due after the sweep");
                }
            }
        } finally {
            connection.commit();
        }
    }

    /** The module's SLA service as DS makes it, with its in-app channel bound and its clock at {@link Cases#NOW}. */
    private SlaService slaService(RecordTypeRegistry types, FieldCatalog catalog) {
        AccessControl access = Platform.allowed(new Visibility(true, Set.of()));
        TransactionScope scope = Platform.sharedScope(connection);
        Map<Class<?>, Object> services = Map.of(TransactionScope.class, scope, AccessControl.class, access,
                CallerContext.class, Pipeline.callers(), SecurityAdmin.class, roleTree(), AuditTrail.class,
                countingAudit(), Records.class, new RecordsImpl(types, catalog, access, Platform.noAudit(),
                        new Lifecycle(types)), Notifications.class, countingNotifications());
        SlaService service = activate(SlaService.class, services);
        Quoting.invoke(SlaService.class, service, "addChannel", new Class<?>[] {EscalationChannel.class},
                activate(InAppEscalation.class, services));
        Quoting.invoke(SlaService.class, service, "clock", new Class<?>[] {Clock.class},
                Clock.fixed(Cases.NOW, ZoneOffset.UTC));
        return service;
    }

    /** Calls the {@code @Activate} constructor with the service of each parameter's type (null for the others). */
    private static <T> T activate(Class<T> type, Map<Class<?>, Object> services) {
        Constructor<?> constructor = type.getConstructors()[0];
        Object[] args = java.util.Arrays.stream(constructor.getParameterTypes()).map(services::get).toArray();
        try {
            return type.cast(constructor.newInstance(args));
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot make " + type.getSimpleName() + ": update the benchmark", e);
        }
    }

    private static SecurityAdmin roleTree() {
        return (SecurityAdmin) Proxy.newProxyInstance(CaseBenchmark.class.getClassLoader(),
                new Class<?>[] {SecurityAdmin.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "roles" -> Cases.roles();
                    case "users" -> Cases.users();
                    default -> throw new UnsupportedOperationException("SecurityAdmin." + method.getName()
                            + " is not used by the sweep");
                });
    }

    private AuditTrail countingAudit() {
        return (AuditTrail) Proxy.newProxyInstance(CaseBenchmark.class.getClassLoader(),
                new Class<?>[] {AuditTrail.class}, (proxy, method, args) -> {
                    if (method.getName().equals("record")) {
                        audited.incrementAndGet();
                    }
                    return method.getReturnType() == List.class ? List.of() : null;
                });
    }

    private Notifications countingNotifications() {
        return (Notifications) Proxy.newProxyInstance(CaseBenchmark.class.getClassLoader(),
                new Class<?>[] {Notifications.class}, (proxy, method, args) -> {
                    if (method.getName().equals("notify")) {
                        return new NotificationReceipt(notified.incrementAndGet(), true);
                    }
                    return method.getReturnType() == List.class ? List.of() : null;
                });
    }

    // ---- the breached list

    private void pages(StringBuilder out, RecordTypeRegistry types, FieldCatalog catalog) {
        RecordQuery breached = RecordQuery.page(0, PAGE).withFilters(List.of(Filter.of(CaseFields.SLA_STATE,
                FilterOp.IN, CaseFields.SLA_BREACHED)));
        for (Object[] who : new Object[][] {{"all owners", new Visibility(true, Set.of())},
            {"a manager, 10 of 50 owners", Platform.tenOwners()}, {"a rep, own cases (1 of 50 owners)",
                new Visibility(false, Set.of("user7"))}}) {
            Records records = new RecordsImpl(types, catalog, Platform.allowed((Visibility) who[1]), Platform.noAudit(),
                    new Lifecycle(types));
            checkPage(records.page(CaseFields.RECORD_TYPE, breached));
            RecordQuery unfiltered = RecordQuery.page(0, PAGE);
            row(out, who[0] + ": the list as it opens, the first page of 50 of all cases, newest first", "",
                    time(runs, () -> records.page(CaseFields.RECORD_TYPE, unfiltered).size()), 0);
            row(out, who[0] + ": the first page of 50 Breached cases, newest first (`Records.page`)",
                    "≤ 150 ms (Derby)", time(runs, () -> records.page(CaseFields.RECORD_TYPE, breached).size()),
                    PAGE_TARGET);
            row(out, who[0] + ": the list's count above it (`Records.count`, capped at 10,001)", "",
                    time(runs, () -> (int) records.count(CaseFields.RECORD_TYPE, breached, Records.BULK_LIMIT + 1)), 0);
        }
    }

    /** Checks 50 Breached rows, newest first. */
    private static void checkPage(List<RecordRow> page) {
        for (int i = 0; i < page.size(); i++) {
            RecordRow row = page.get(i);
            if (!row.text(CaseFields.SLA_STATE).equals(CaseFields.SLA_BREACHED) || i > 0 && row.dateTime("createdAt")
                    .orElseThrow().isAfter(page.get(i - 1).dateTime("createdAt").orElseThrow())) {
                throw new IllegalStateException("Row " + i + " of the breached page: " + row.values());
            }
        }
        if (page.size() != PAGE) {
            throw new IllegalStateException("The breached page has " + page.size() + " rows");
        }
    }

    /** @return the SLA states as loaded (the sweep moves 1 % of them on) */
    private String states() throws SQLException {
        StringBuilder out = new StringBuilder("SLA states: ");
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT SLA_STATE, STATUS, COUNT(*) FROM CRM_CASE GROUP BY SLA_STATE, STATUS ORDER BY 1, 2")) {
            List<String> parts = new ArrayList<>();
            while (rs.next()) {
                parts.add(String.format("%s / %s %,d", rs.getString(1), rs.getString(2), rs.getLong(3)));
            }
            out.append(String.join(", ", parts));
        }
        connection.commit();
        out.append(String.format("; %,d escalations reached before; %,d clocks due in the sweep window.%n",
                Opportunities.count(connection, "CASE_SLA_ESCALATION"), Opportunities.count(connection, "BENCH_SLA_DUE")));
        System.out.print(out);
        return out.toString();
    }

    // ---- timing

    /**
     * Times and percentiles of the runs.
     *
     * @param median the median, ms
     * @param p95 the 95th percentile (nearest rank), ms
     * @param min the fastest, ms
     * @param max the slowest, ms
     * @param rows what the work returned (rows, cases)
     */
    record Stats(double median, double p95, double min, double max, int rows) {
        static Stats of(List<Double> millis, int rows) {
            List<Double> sorted = millis.stream().sorted().toList();
            int rank = (int) Math.ceil(0.95 * sorted.size()) - 1;
            return new Stats(sorted.get(sorted.size() / 2), sorted.get(rank), sorted.get(0),
                    sorted.get(sorted.size() - 1), rows);
        }

        Stats per(int count) {
            return new Stats(median / count, p95 / count, min / count, max / count, 1);
        }
    }

    static Stats time(int runs, IntSupplier work) {
        return timePrepared(runs, WARMUP, () -> 0, work);
    }

    /** Times work after warm-up runs, each after an untimed {@code prepare}. */
    static Stats timePrepared(int runs, int warmup, IntSupplier prepare, IntSupplier work) {
        List<Double> millis = new ArrayList<>();
        int rows = 0;
        for (int run = 0; run < warmup + runs; run++) {
            prepare.getAsInt();
            long start = System.nanoTime();
            rows = work.getAsInt();
            if (run >= warmup) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        return Stats.of(millis, rows);
    }

    private void row(StringBuilder out, String name, String target, Stats stats, double targetMillis) {
        out.append(String.format("| %s | %.1f | %.1f | %.1f | %.1f | %,d | %s | %s |%n", name, stats.median(),
                stats.p95(), stats.min(), stats.max(), stats.rows(), target,
                targetMillis == 0 ? "" : String.format("%.2f", stats.median() / targetMillis)));
        System.out.printf("%s: %s -> median %.1f ms, p95 %.1f ms%n", db, name, stats.median(), stats.p95());
    }

    // ---- the databases

    /** @return the database with the cases loaded: kept from an earlier run if its count matches, else loaded now */
    private static Connection open(String db, Path dir, int cases) throws Exception {
        Connection connection = connect(db, dir);
        migrate(connection);
        if (!Boolean.getBoolean("tessera.bench.reload") && loaded(connection, cases)) {
            System.out.printf("%s: reusing the loaded cases%n", db);
            return connection;
        }
        ListBenchmark.execute(connection, "DELETE FROM CASE_SLA_ESCALATION", "DELETE FROM CASE_SLA_CLOCK",
                "DELETE FROM CRM_CASE", "DELETE FROM BENCH_SLA_DUE", "DELETE FROM CASE_NUMBER_SEQ WHERE PREFIX <> '-'");
        connection.commit();
        long start = System.nanoTime();
        Map<Cases.Kind, Integer> kinds = new Cases(connection).fill(connection, cases);
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO BENCH_SLA_DUE (CASE_ID, NEXT_CHECK_AT, "
                + "ESCALATION_LEVEL, SLA_STATE) SELECT k.CASE_ID, k.NEXT_CHECK_AT, COALESCE(c.ESCALATION_LEVEL, 0), "
                + "c.SLA_STATE FROM CASE_SLA_CLOCK k JOIN CRM_CASE c ON c.ID = k.CASE_ID WHERE k.NEXT_CHECK_AT <= ?")) {
            ps.setTimestamp(1, Cases.timestamp(Cases.NOW));
            ps.executeUpdate();
        }
        connection.commit();
        System.out.printf("%s: %,d cases loaded in %.1f s: %s%n", db, cases, (System.nanoTime() - start) / 1e9, kinds);
        start = System.nanoTime();
        Schema.analyze(connection, db);
        if (db.equals("derby")) {
            for (String table : List.of("CRM_CASE", "CASE_SLA_CLOCK", "CASE_SLA_ESCALATION")) {
                ListBenchmark.execute(connection, "CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table + "', NULL)");
            }
        }
        connection.commit();
        System.out.printf("%s: statistics in %.1f s%n", db, (System.nanoTime() - start) / 1e9);
        return connection;
    }

    private static boolean loaded(Connection connection, int cases) throws SQLException {
        return Opportunities.count(connection, "CRM_CASE") == cases
                && Opportunities.count(connection, "BENCH_SLA_DUE") > 0;
    }

    /** The platform's and the cases module's changelogs, and the benchmark's table of the due cases as loaded. */
    @SuppressWarnings("deprecation") // the Liquibase facade is the short way to run one changelog
    private static void migrate(Connection connection) throws Exception {
        Schema.migrate(connection);
        liquibase.database.Database database = liquibase.database.DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new liquibase.database.jvm.JdbcConnection(connection));
        new liquibase.Liquibase("db/changelog/cases.yaml", new liquibase.resource.ClassLoaderResourceAccessor(),
                database).update("");
        connection.commit();
        try {
            ListBenchmark.execute(connection, "CREATE TABLE BENCH_SLA_DUE (CASE_ID BIGINT NOT NULL PRIMARY KEY, "
                    + "NEXT_CHECK_AT TIMESTAMP NOT NULL, ESCALATION_LEVEL INT NOT NULL, SLA_STATE VARCHAR(100))");
            connection.commit();
        } catch (SQLException exists) {
            connection.rollback();
        }
    }

    private static Connection connect(String db, Path dir) throws Exception {
        Connection connection;
        if (db.equals("derby")) {
            connection = DriverManager.getConnection("jdbc:derby:"
                    + dir.resolve("bench-cases-derby").toAbsolutePath() + ";create=true");
        } else if (db.equals("postgresql")) {
            connection = ListBenchmark.Databases.postgres();
        } else {
            throw new IllegalArgumentException("Unknown database '" + db + "': use derby or postgresql");
        }
        connection.setAutoCommit(false);
        return connection;
    }
}
