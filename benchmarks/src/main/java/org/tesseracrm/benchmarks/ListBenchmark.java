package org.tesseracrm.benchmarks;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.tesseracrm.kernel.api.record.CustomFieldInput;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.ImportFile;
import org.tesseracrm.kernel.api.record.ImportMode;
import org.tesseracrm.kernel.api.record.ImportRequest;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordSearch;
import org.tesseracrm.kernel.api.record.SearchGroup;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.Visibility;

/**
 * Measures the record platform at scale on the contacts module's real schema, for each configured
 * database: list pages of 50 (filtered on predefined and custom fields, sorted, no count), the
 * bounded count, adding a custom field to a full table, exports and imports. It runs the platform's own
 * classes ({@link Platform}). Prints a Markdown table and writes it to
 * {@code target/benchmark-results.md}.
 *
 * <p>System properties: {@code tessera.bench.rows} (default 1,000,000), {@code tessera.bench.db}
 * ({@code derby,postgresql}), {@code tessera.bench.runs} (timed runs per query after warm-up),
 * {@code tessera.bench.importRows} (rows of the imported file, default 100,000),
 * {@code tessera.bench.only} ({@code search}: load, then time only the global search; {@code paging}: only the
 * first and deep pages read by offset and by cursor, {@link Paging}; {@code board}: only the board's open and move,
 * {@link Boards}),
 * {@code tessera.bench.pg.url/.user/.password} (default the test database of {@code .ci/postgres}).
 */
public final class ListBenchmark {
    private static final String CONTACT = "contact";
    /** Held so the level set on it is not lost when java.util.logging drops unreferenced loggers. */
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");
    private static final int WARMUP = 3;
    private static final int IMPORT_ROWS = Integer.getInteger("tessera.bench.importRows", 100_000);
    /** The parts to time: search, lists, exports, imports; all when the property is not set. */
    private static final Set<String> ONLY = Set.of(System.getProperty("tessera.bench.only", "").split(","))
            .stream().map(String::strip).filter(p -> !p.isEmpty()).collect(java.util.stream.Collectors.toSet());
    /** Records per type the top bar's search asks for. */
    private static final int SEARCH_PER_TYPE = 5;

    private ListBenchmark() {
    }

    /**
     * @param args unused; see the class comment for the system properties
     * @throws Exception if a database is unreachable or a statement fails
     */
    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("tessera.bench.rows", 1_000_000);
        int runs = Integer.getInteger("tessera.bench.runs", 21);
        Path dir = Path.of(System.getProperty("tessera.bench.dir", "target"));
        LIQUIBASE_LOG.setLevel(Level.WARNING);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("liquibase.showSummaryOutput", "log");
        StringBuilder report = new StringBuilder();
        report.append(Machine.describe()).append("\n\n");
        for (String db : System.getProperty("tessera.bench.db", "derby,postgresql").split(",")) {
            try (Connection connection = Databases.fresh(db.trim(), dir)) {
                report.append(run(db.trim(), connection, rows, runs)).append('\n');
                connection.rollback(); // the timed queries ran in a read transaction
            }
        }
        Path out = dir.resolve("benchmark-results.md");
        Files.writeString(out, report);
        System.out.println(report);
        System.out.println("Written to " + out);
    }

    private static String run(String db, Connection connection, int rows, int runs) throws Exception {
        Schema.migrate(connection);
        Platform admin = Platform.over(connection, new Visibility(true, Set.of()));
        // The three custom fields are added the way an admin adds them, before the data arrives.
        admin.customFields().add(CONTACT, CustomFieldInput.pickList("Segment", false,
                List.of("Enterprise", "Mid-market", "SMB")));
        admin.customFields().add(CONTACT, CustomFieldInput.of("Score", FieldType.NUMBER));
        admin.customFields().add(CONTACT, CustomFieldInput.of("Renewal", FieldType.DATE));
        long start = System.nanoTime();
        DataGenerator.fill(connection, rows);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        Schema.analyze(connection, db);
        String search = search(db, connection, part("search") ? runs : 0);
        if (!part("lists") && !part("exports") && !part("imports")) {
            String paging = part("paging") ? Paging.times(db, admin, Platform.over(connection, Platform.tenOwners()),
                    rows, runs) : "";
            String board = part("board") ? Boards.times(db, admin, Platform.over(connection, Platform.tenOwners()), runs)
                    : "";
            return String.format("### %s, %,d contacts%n%nLoaded in %.1f s.%n%n", db, rows, loadSeconds) + paging + board
                    + search;
        }
        start = System.nanoTime();
        admin.customFields().add(CONTACT, CustomFieldInput.of("Region", FieldType.TEXT));
        double addFieldSeconds = (System.nanoTime() - start) / 1e9;

        String son = "last name contains \"son\" (frequent), sorted by last name";
        String enterprise = "custom pick-list Segment = Enterprise (5 %)";
        Map<String, RecordQuery> queries = new LinkedHashMap<>();
        RecordQuery page = RecordQuery.page(0, 50);
        queries.put("no filter, sorted by last name", page);
        queries.put(son, page.withFilters(List.of(Filter.of("lastName", FilterOp.CONTAINS, "son"))));
        queries.put("last name contains \"zimmer\" (rare)", page.withFilters(List.of(
                Filter.of("lastName", FilterOp.CONTAINS, "zimmer"))));
        queries.put("last name contains \"qqq\" (no match)", page.withFilters(List.of(
                Filter.of("lastName", FilterOp.CONTAINS, "qqq"))));
        queries.put("search \"son\" in 4 fields", page.withText("son"));
        queries.put(enterprise, page.withFilters(List.of(new Filter("cf_segment", FilterOp.IN, List.of("Enterprise")))));
        queries.put("custom number Score 990..999 (1 %)", page.withFilters(List.of(
                new Filter("cf_score", FilterOp.BETWEEN, List.of("990", "999")))));
        queries.put("custom date Renewal in one week", page.withFilters(List.of(
                new Filter("cf_renewal", FilterOp.BETWEEN, List.of("2026-06-01", "2026-06-07")))));
        queries.put("Segment = Enterprise and last name contains \"son\"", page.withFilters(List.of(
                new Filter("cf_segment", FilterOp.IN, List.of("Enterprise")),
                Filter.of("lastName", FilterOp.CONTAINS, "son"))));
        queries.put("sorted by custom Score, descending", page.withSort(List.of(new SortOrder("cf_score", false))));

        StringBuilder table = new StringBuilder();
        table.append("### ").append(db).append(", ").append(String.format("%,d", rows)).append(" contacts\n\n")
                .append(String.format("Loaded in %.1f s (%,.0f contacts/s, JDBC batches of %d, custom values in the same "
                        + "rows).%n", loadSeconds, rows / loadSeconds, DataGenerator.BATCH))
                .append(String.format("Adding a fourth custom field (column and index) to the loaded table: %.1f s.%n%n",
                        addFieldSeconds))
                .append(Schema.indexes(connection)).append("\n\n")
                .append("| `Records.page`, 50 rows | median ms | min ms | max ms | rows |\n|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, RecordQuery> entry : part("lists") ? queries.entrySet()
                : Set.<Map.Entry<String, RecordQuery>>of()) {
            row(table, db, entry.getKey(), time(runs, () -> admin.records().page(CONTACT, entry.getValue()).size()));
        }
        Platform manager = Platform.over(connection, Platform.tenOwners());
        if (part("lists")) {
            lists(table, db, admin, manager, page, queries, runs, son, enterprise);
        }
        if (part("exports")) {
            exports(table, db, admin, page);
        }
        if (part("imports")) {
            imports(table, db, connection, admin, rows);
        }
        if (part("paging")) {
            table.append('\n').append(Paging.times(db, admin, manager, rows, runs));
        }
        if (part("board")) {
            table.append('\n').append(Boards.times(db, admin, manager, runs));
        }
        return table.append('\n').append(search).toString();
    }

    /** @return whether the part is timed in this run */
    private static boolean part(String name) {
        return ONLY.isEmpty() || ONLY.contains(name);
    }

    private static void lists(StringBuilder table, String db, Platform admin, Platform manager, RecordQuery page,
            Map<String, RecordQuery> queries, int runs, String son, String enterprise) {
        row(table, db, "last name contains \"son\", visibility of 10 of 50 owners",
                time(runs, () -> manager.records().page(CONTACT, queries.get(son)).size()));
        row(table, db, "a company's contacts (its related list: company = one id, default order)",
                time(runs, () -> admin.records().page(CONTACT, page.withFilters(List.of(
                        Filter.of("company", FilterOp.EQUALS, "1234")))).size()));
        List<Long> fiftyCompanies = java.util.stream.LongStream.rangeClosed(2_001, 2_050).boxed().toList();
        row(table, db, "`Records.titles` of 50 companies (a page's company column)",
                time(runs, () -> admin.records().titles("company", fiftyCompanies).size()));
        row(table, db, "`Records.duplicates` on a new contact's e-mail (no match)",
                time(runs, () -> admin.records().duplicates(CONTACT, Map.of("email", "nobody@example.org"), 0).size()));
        row(table, db, "`Records.count` up to 10,000, Segment = Enterprise",
                time(runs, () -> (int) admin.records().count(CONTACT, queries.get(enterprise), 10_000)));
        row(table, db, "`Records.count` up to 10,000, last name contains \"zimmer\" (rare)",
                time(runs, () -> (int) admin.records().count(CONTACT, page.withFilters(List.of(
                        Filter.of("lastName", FilterOp.CONTAINS, "zimmer"))), 10_000)));
    }

    private static void exports(StringBuilder table, String db, Platform admin, RecordQuery page) {

        table.append("\n| Export, Segment = Mid-market | median s | min s | max s | rows |\n|---|---:|---:|---:|---:|\n");
        RecordQuery midMarket = page.withFilters(List.of(new Filter("cf_segment", FilterOp.IN, List.of("Mid-market"))));
        int columns = admin.customFields().fields(CONTACT).size();
        for (ExportFormat format : ExportFormat.values()) {
            Timing export = time(3, 1, () -> (int) admin.records().export(CONTACT, midMarket, List.of(), format,
                    OutputStream.nullOutputStream(), n -> { }));
            table.append(String.format("| %s, all %d columns | %.2f | %.2f | %.2f | %,d |%n", format, columns,
                    export.median() / 1000, export.min() / 1000, export.max() / 1000, export.rows()));
            System.out.printf("%s: export %s -> median %.2f s, %,d rows%n", db, format, export.median() / 1000,
                    export.rows());
        }

    }

    private static void imports(StringBuilder table, String db, Connection connection, Platform admin, int rows)
            throws SQLException {
        table.append(String.format("%n| Import of a %,d-row csv (8 columns, 3 custom) | median s | min s | max s "
                + "| rows/s |%n|---|---:|---:|---:|---:|%n", IMPORT_ROWS));
        byte[] file = DataGenerator.importFile(IMPORT_ROWS);
        List<String> mapping = List.of("firstName", "lastName", "email", "phone", "companyName", "cf_segment", "cf_score",
                "cf_renewal");
        importRow(table, db, connection, rows, "create only, no duplicate check",
                () -> importFile(admin, file, mapping, List.of(), ImportMode.CREATE_ONLY));
        importRow(table, db, connection, rows, "skip duplicates by e-mail (looked up among 1M)",
                () -> importFile(admin, file, mapping, List.of("email"), ImportMode.SKIP_DUPLICATES));
    }

    /**
     * Creates the global search's indexes on the loaded tables (as the platform does when it meets an
     * existing database) and times searches as the top bar runs them: 5 records per type, over contacts
     * and companies, with all owners, 10 of the 50 and 1 of them visible.
     */
    private static String search(String db, Connection connection, int runs) throws SQLException {
        long start = System.nanoTime();
        RecordSearch all = Platform.search(connection, new Visibility(true, Set.of()));
        double indexSeconds = (System.nanoTime() - start) / 1e9;
        Schema.analyze(connection, db);
        if (runs == 0) {
            return String.format("Creating the global search's indexes on the loaded tables: %.1f s.%n%n", indexSeconds);
        }
        RecordSearch tenOwners = Platform.search(connection, Platform.tenOwners());
        RecordSearch ownOnly = Platform.search(connection, new Visibility(false, Set.of("user3")));
        String email = Schema.emailOf(connection, "user3");
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("3-letter prefix \"joh\"", "joh");
        texts.put("3-letter prefix \"mil\"", "mil");
        texts.put("full e-mail of a contact", email);
        texts.put("3 letters without a match \"qqx\"", "qqx");
        StringBuilder table = new StringBuilder(String.format("Creating the global search's indexes on the loaded "
                + "tables (contacts: 4 fields, companies: 2): %.1f s.%n%n", indexSeconds))
                .append("| `RecordSearch.search`, 5 per type, contacts and companies | median ms | min ms | max ms "
                        + "| records |\n|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, String> text : texts.entrySet()) {
            row(table, db, text.getKey() + ", all visible", time(runs, () -> found(all.search(text.getValue(),
                    SEARCH_PER_TYPE))));
            row(table, db, text.getKey() + ", 10 of 50 owners visible", time(runs, () -> found(tenOwners.search(
                    text.getValue(), SEARCH_PER_TYPE))));
            row(table, db, text.getKey() + ", 1 of 50 owners visible (a rep's own)", time(runs, () -> found(
                    ownOnly.search(text.getValue(), SEARCH_PER_TYPE))));
        }
        return table.toString();
    }

    private static int found(List<SearchGroup> groups) {
        return groups.stream().mapToInt(g -> g.records().size()).sum();
    }

    /** Reads, checks and imports the csv as the wizard does; returns the number of records created. */
    private static int importFile(Platform admin, byte[] file, List<String> mapping, List<String> keys, ImportMode mode) {
        ImportFile read = admin.imports().read(CONTACT, "contacts.csv", new ByteArrayInputStream(file));
        return admin.imports().run(CONTACT, new ImportRequest(read, mapping, keys, mode, false), n -> { }).created();
    }

    /**
     * Times read + check + write of the file (after one warm-up run); before each run the rows the last
     * one imported are deleted, untimed, so every run imports into the same table.
     */
    private static void importRow(StringBuilder table, String db, Connection connection, int rows, String name,
            IntSupplier work) throws SQLException {
        List<Double> millis = new ArrayList<>();
        int created = 0;
        for (int run = 0; run < 4; run++) {
            removeImported(connection, db, rows);
            long start = System.nanoTime();
            created = work.getAsInt();
            if (run > 0) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        if (created != IMPORT_ROWS) {
            throw new IllegalStateException("the import created " + created + " rows, not " + IMPORT_ROWS);
        }
        Timing timing = Timing.of(millis, created);
        table.append(String.format("| %s | %.2f | %.2f | %.2f | %,.0f |%n", name, timing.median() / 1000,
                timing.min() / 1000, timing.max() / 1000, created / (timing.median() / 1000)));
        System.out.printf("%s: import %s -> median %.2f s, %,.0f rows/s%n", db, name, timing.median() / 1000,
                created / (timing.median() / 1000));
        removeImported(connection, db, rows);
    }

    /** Deletes what an import run added; on PostgreSQL also vacuums, so dead rows do not slow the next run. */
    private static void removeImported(Connection connection, String db, int rows) throws SQLException {
        execute(connection, "DELETE FROM CRM_CONTACT WHERE ID > " + rows);
        connection.commit();
        if (db.equals("postgresql")) {
            connection.setAutoCommit(true);
            execute(connection, "VACUUM ANALYZE CRM_CONTACT");
            connection.setAutoCommit(false);
        }
    }

    static void row(StringBuilder table, String db, String name, Timing timing) {
        table.append(String.format("| %s | %.1f | %.1f | %.1f | %d |%n", name, timing.median(), timing.min(), timing.max(),
                timing.rows()));
        System.out.printf("%s: %s -> median %.1f ms%n", db, name, timing.median());
    }

    static Timing time(int runs, IntSupplier work) {
        return time(runs, WARMUP, work);
    }

    /** Times the work after warm-up runs; the work returns the number of rows it read. */
    static Timing time(int runs, int warmup, IntSupplier work) {
        List<Double> millis = new ArrayList<>();
        int rows = 0;
        for (int run = 0; run < warmup + runs; run++) {
            long start = System.nanoTime();
            rows = work.getAsInt();
            if (run >= warmup) {
                millis.add((System.nanoTime() - start) / 1e6);
            }
        }
        return Timing.of(millis, rows);
    }

    /** Median, min and max of the timed runs. */
    record Timing(double median, double min, double max, int rows) {
        static Timing of(List<Double> millis, int rows) {
            List<Double> sorted = millis.stream().sorted().toList();
            return new Timing(sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1), rows);
        }
    }

    /** Statements that need no result. */
    static void execute(Connection connection, String... sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** Deletes a directory tree if it exists. */
    static void deleteTree(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var paths = Files.walk(path)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Opens fresh, empty databases. */
    static final class Databases {
        private Databases() {
        }

        static Connection fresh(String db, Path dir) throws Exception {
            Connection connection;
            if (db.equals("derby")) {
                Path home = dir.resolve("bench-derby");
                deleteTree(home);
                connection = DriverManager.getConnection("jdbc:derby:" + home.toAbsolutePath() + ";create=true");
            } else if (db.equals("postgresql")) {
                connection = postgres();
                execute(connection, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
            } else {
                throw new IllegalArgumentException("Unknown database '" + db + "': use derby or postgresql");
            }
            connection.setAutoCommit(false);
            return connection;
        }

        /** @return a connection to the PostgreSQL database of the {@code tessera.bench.pg.*} properties */
        static Connection postgres() throws SQLException {
            return DriverManager.getConnection(
                    System.getProperty("tessera.bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/tessera_it")
                            + "?reWriteBatchedInserts=true&prepareThreshold=0",
                    System.getProperty("tessera.bench.pg.user", "tessera"),
                    System.getProperty("tessera.bench.pg.password", "tessera"));
        }

        /** @return the standard row limit clause both databases understand */
        static String firstRows(int n) {
            return "FETCH FIRST " + n + " ROWS ONLY";
        }
    }
}
