package org.tesseracrm.benchmarks;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.record.CustomFieldInput;
import org.tesseracrm.kernel.api.record.DateBucket;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.Measure;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.RegionalSettings;
import org.tesseracrm.kernel.api.security.UserSettings;
import org.tesseracrm.kernel.api.security.Visibility;
import org.tesseracrm.kernel.records.internal.Lifecycle;
import org.tesseracrm.kernel.records.internal.RecordsImpl;

/**
 * The reports benchmark (issue 24 item 8, first part): {@code Records.aggregate}, the grouped read behind every report,
 * dashboard widget and KPI, over 1,000,000 contacts on the contacts module's schema (its Liquibase changelog) with a
 * custom pick-list "Segment" (8 values) and a custom date "Renewal" added as an admin adds them. Timed: contacts
 * grouped by segment and month created (a date-time, bucketed in the caller's time zone, Europe/Berlin, so across
 * its daylight-saving changes) counted, the target case (≤ 5 s on Derby, ≤ 2 s on PostgreSQL, median); the same in
 * UTC; by segment and renewal month (a date: no time zone); by segment and month for a manager who sees 10 of the 50
 * owners; by segment alone with a filter. What is timed is the raw computation: the reports module caches results,
 * this does not.
 *
 * <p>The contacts are written with JDBC batches (no Datafaker: names are synthetic) and the databases are kept
 * ({@code target/bench-reports-derby}, PostgreSQL database {@code tessera_bench_reports}, created when missing);
 * they are loaded again only when the contact count differs or {@code tessera.bench.reload=true}. System properties
 * as {@link ListBenchmark} ({@code tessera.bench.db}, {@code .rows}, {@code .runs} (default 5), {@code .pg.url/.user/
 * .password}). Writes {@code target/report-results.md}. Run:
 * {@code mvn -B -q -pl benchmarks exec:java -Dexec.mainClass=org.tesseracrm.benchmarks.ReportBenchmark}.
 */
public final class ReportBenchmark {
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");
    private static final String CONTACT = "contact";
    private static final String PG_DATABASE = "tessera_bench_reports";
    private static final List<String> SEGMENTS = List.of("Enterprise", "Mid-market", "SMB", "Public sector",
            "Education", "Healthcare", "Non-profit", "Startup");
    private static final int BATCH = 10_000;
    private static final int WARMUP = 1;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private final String db;
    private final Connection connection;
    private final int runs;

    private ReportBenchmark(String db, Connection connection, int runs) {
        this.db = db;
        this.connection = connection;
        this.runs = runs;
    }

    /**
     * @param args unused; see the class comment for the system properties
     * @throws Exception if a database is unreachable or a statement fails
     */
    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("tessera.bench.rows", 1_000_000);
        int runs = Integer.getInteger("tessera.bench.runs", 5);
        Path dir = Path.of(System.getProperty("tessera.bench.dir", "target"));
        LIQUIBASE_LOG.setLevel(Level.WARNING);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("liquibase.showSummaryOutput", "log");
        StringBuilder report = new StringBuilder(Machine.describe()).append("\n\n");
        for (String db : System.getProperty("tessera.bench.db", "derby,postgresql").split(",")) {
            try (Connection connection = open(db.trim(), dir, rows)) {
                ReportBenchmark bench = new ReportBenchmark(db.trim(), connection, runs);
                double load = bench.load(rows);
                report.append(bench.run(rows, load)).append('\n');
                connection.rollback();
            }
        }
        Path out = dir.resolve("report-results.md");
        Files.writeString(out, report);
        System.out.println(report);
        System.out.println("Written to " + out);
    }

    /** @return the database, a Derby one emptied when it holds another number of contacts or a reload is asked */
    private static Connection open(String db, Path dir, int rows) throws Exception {
        Connection connection;
        if (db.equals("derby")) {
            Path home = dir.resolve("bench-reports-derby").toAbsolutePath();
            connection = DriverManager.getConnection("jdbc:derby:" + home + ";create=true");
            connection.setAutoCommit(false);
            long held = new ReportBenchmark(db, connection, 0).contacts();
            if (held >= 0 && (held != rows || Boolean.getBoolean("tessera.bench.reload"))) {
                connection.rollback();
                connection.close();
                try {
                    DriverManager.getConnection("jdbc:derby:" + home + ";shutdown=true");
                } catch (SQLException e) {
                    // Derby says it shut down by throwing
                }
                ListBenchmark.deleteTree(home);
                connection = DriverManager.getConnection("jdbc:derby:" + home + ";create=true");
            }
        } else if (db.equals("postgresql")) {
            try (Connection admin = ListBenchmark.Databases.postgres(); Statement s = admin.createStatement();
                    ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + PG_DATABASE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + PG_DATABASE);
                }
            }
            String url = System.getProperty("tessera.bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/tessera_it");
            connection = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + PG_DATABASE
                    + "?reWriteBatchedInserts=true", System.getProperty("tessera.bench.pg.user", "tessera"),
                    System.getProperty("tessera.bench.pg.password", "tessera"));
        } else {
            throw new IllegalArgumentException("Unknown database '" + db + "': use derby or postgresql");
        }
        connection.setAutoCommit(false);
        return connection;
    }

    /** @return the seconds the load took, 0 if the database already held the contacts */
    private double load(int rows) throws Exception {
        if (!Boolean.getBoolean("tessera.bench.reload") && contacts() == rows) {
            System.out.printf("%s: %,d contacts already loaded%n", db, rows);
            return 0;
        }
        if (db.equals("postgresql")) {
            ListBenchmark.execute(connection, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
        } else if (contacts() >= 0) {
            throw new IllegalStateException("Derby holds another load: open() starts it afresh");
        }
        Schema.migrate(connection);
        Platform admin = Platform.over(connection, new Visibility(true, Set.of()));
        admin.customFields().add(CONTACT, CustomFieldInput.pickList("Segment", false, SEGMENTS));
        admin.customFields().add(CONTACT, CustomFieldInput.of("Renewal", FieldType.DATE));
        long start = System.nanoTime();
        Random random = new Random(24);
        LocalDateTime from = LocalDateTime.of(2023, 1, 1, 0, 0);
        int minutes = 3 * 365 * 24 * 60; // created over three years
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO CRM_CONTACT (ID, FIRST_NAME, LAST_NAME,"
                + " EMAIL, PHONE, COMPANY_NAME, OWNER, CREATED_AT, UPDATED_AT, VERSION, CF_SEGMENT, CF_RENEWAL)"
                + " VALUES (?,?,?,?,?,?,?,?,?,1,?,?)")) {
            for (int id = 1; id <= rows; id++) {
                Timestamp created = Timestamp.valueOf(from.plusMinutes(random.nextInt(minutes)));
                insert.setLong(1, id);
                insert.setString(2, "First" + (id % 997));
                insert.setString(3, "Last" + id);
                insert.setString(4, "contact" + id + "@example.org");
                insert.setString(5, "+1 555 " + (1_000_000 + random.nextInt(9_000_000)));
                insert.setString(6, "Company " + random.nextInt(50_000));
                insert.setString(7, "user" + (1 + random.nextInt(50)));
                insert.setTimestamp(8, created);
                insert.setTimestamp(9, created);
                // one contact in 20 without a segment: the "no value" row
                int segment = random.nextInt(SEGMENTS.size() * 20 / 19 + 1);
                insert.setString(10, segment < SEGMENTS.size() ? SEGMENTS.get(segment) : null);
                insert.setDate(11, Date.valueOf(LocalDate.of(2026, 1, 1).plusDays(random.nextInt(730))));
                insert.addBatch();
                if (id % BATCH == 0 || id == rows) {
                    insert.executeBatch();
                    connection.commit();
                }
                if (id % 200_000 == 0) {
                    System.out.printf("%s: %,d contacts written%n", db, id);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (db.equals("postgresql")) {
            connection.setAutoCommit(true);
            ListBenchmark.execute(connection, "VACUUM ANALYZE CRM_CONTACT");
            connection.setAutoCommit(false);
        } else {
            Schema.analyze(connection, db);
        }
        return seconds;
    }

    /** @return the number of contacts, -1 if there is no contacts table yet */
    private long contacts() {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM CRM_CONTACT")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // nothing to undo
            }
            return -1;
        }
    }

    private String run(int rows, double load) throws Exception {
        Records admin = records(new Visibility(true, Set.of()), BERLIN);
        Records adminUtc = records(new Visibility(true, Set.of()), UTC);
        Records manager = records(Platform.tenOwners(), BERLIN);
        RecordQuery all = RecordQuery.page(0, 1);
        List<Measure> count = List.of(Measure.count());
        Grouping segment = Grouping.by("cf_segment");
        Grouping month = Grouping.by("createdAt", DateBucket.MONTH);
        StringBuilder out = new StringBuilder(String.format("### %s, %,d contacts%n%n", db, contacts()));
        out.append(load > 0 ? String.format("Loaded in %.1f s (%,.0f contacts/s, JDBC batches of %,d).%n%n", load,
                rows / load, BATCH) : "Loaded before (kept between runs).\n\n");
        out.append("| Report | median ms | min ms | max ms | rows | target ms | median / target |\n"
                + "|---|---|---|---|---|---|---|\n");
        double target = db.equals("postgresql") ? 2000 : 5000;
        row(out, "segment × month created (Europe/Berlin), count", target, () -> admin.aggregate(CONTACT, all,
                List.of(segment, month), count));
        row(out, "segment × month created (UTC), count", target, () -> adminUtc.aggregate(CONTACT, all,
                List.of(segment, month), count));
        row(out, "segment × renewal month (a date), count", target, () -> admin.aggregate(CONTACT, all,
                List.of(segment, Grouping.by("cf_renewal", DateBucket.MONTH)), count));
        row(out, "segment × month created, manager (10 of 50 owners)", target, () -> manager.aggregate(CONTACT, all,
                List.of(segment, month), count));
        row(out, "segment, created in 2025 (filter), count", target, () -> admin.aggregate(CONTACT, all.withFilters(
                List.of(new Filter("createdAt", FilterOp.BETWEEN, List.of("2025-01-01", "2025-12-31")))), List.of(
                        segment), count));
        List<AggregateRow> check = admin.aggregate(CONTACT, all, List.of(segment, month), count);
        long total = check.stream().mapToLong(r -> r.values().get(0).longValue()).sum();
        out.append(String.format("%nThe target report has %,d rows summing to %,d contacts; its first: %s %s = %s.%n",
                check.size(), total, check.get(0).labels(), check.get(0).keys(), check.get(0).values()));
        return out.toString();
    }

    private void row(StringBuilder out, String name, double target, java.util.function.Supplier<List<AggregateRow>> work) {
        ListBenchmark.Timing timing = ListBenchmark.time(runs, WARMUP, () -> work.get().size());
        out.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %d | %.0f | %.2f |%n", name, timing.median(),
                timing.min(), timing.max(), timing.rows(), target, timing.median() / target));
        System.out.printf("%s: %s -> median %.0f ms%n", db, name, timing.median());
    }

    /** @return the record platform as a caller seeing those owners, in that time zone, would use it */
    private Records records(Visibility visibility, ZoneId zone) throws ReflectiveOperationException {
        var types = Platform.types();
        RecordsImpl records = new RecordsImpl(types, Platform.catalog(connection), Platform.allowed(visibility),
                Platform.noAudit(), new Lifecycle(types));
        RegionalSettings regional = new RegionalSettings(zone, Locale.US);
        UserSettings settings = (UserSettings) Proxy.newProxyInstance(ReportBenchmark.class.getClassLoader(),
                new Class<?>[] {UserSettings.class}, (proxy, method, args) -> regional);
        java.lang.reflect.Field field = RecordsImpl.class.getDeclaredField("settings");
        field.setAccessible(true); // Declarative Services injects it the same way
        field.set(records, settings);
        return records;
    }
}
