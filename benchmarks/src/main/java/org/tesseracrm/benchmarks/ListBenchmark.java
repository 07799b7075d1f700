package org.tesseracrm.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Measures the list page of the contacts module at scale, on the module's real schema, for each
 * configured database: the SQL the service issues today (page of 50, filtered, sorted, no count)
 * and the candidate storages for custom fields. Prints a Markdown table and writes it to
 * {@code target/benchmark-results.md}.
 *
 * <p>System properties: {@code tessera.bench.rows} (default 1,000,000), {@code tessera.bench.db}
 * ({@code derby,postgresql}), {@code tessera.bench.runs} (timed runs per query after warm-up),
 * {@code tessera.bench.pg.url/.user/.password} (default the test database of {@code .ci/postgres}).
 */
public final class ListBenchmark {
    private static final int WARMUP = 3;

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
        Logger.getLogger("liquibase").setLevel(Level.WARNING);
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
        Schema.addCustomFieldCandidates(connection);
        long start = System.nanoTime();
        DataGenerator.fill(connection, rows);
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        Schema.analyze(connection, db);

        Map<String, Query> queries = new LinkedHashMap<>();
        String page = " ORDER BY c.LAST_NAME, c.FIRST_NAME, c.ID " + Databases.firstRows(50);
        String select = "SELECT c.ID, c.FIRST_NAME, c.LAST_NAME, c.EMAIL, c.PHONE, c.COMPANY_NAME, c.OWNER, c.UPDATED_AT "
                + "FROM CRM_CONTACT c";
        queries.put("no filter, sorted by last name", new Query(select + page));
        // The contacts service's search: one text over four columns.
        String search = " WHERE (LOWER(c.FIRST_NAME) LIKE ? ESCAPE '\\' OR LOWER(c.LAST_NAME) LIKE ? ESCAPE '\\' "
                + "OR LOWER(c.EMAIL) LIKE ? ESCAPE '\\' OR LOWER(c.COMPANY_NAME) LIKE ? ESCAPE '\\')";
        queries.put("search \"son\" (frequent)", new Query(select + search + page, "%son%", "%son%", "%son%", "%son%"));
        queries.put("search \"qqq\" (no match)", new Query(select + search + page, "%qqq%", "%qqq%", "%qqq%", "%qqq%"));
        queries.put("search \"zimmer\" (rare)", new Query(select + search + page, "%zimmer%", "%zimmer%", "%zimmer%",
                "%zimmer%"));
        queries.put("last name starts with \"Sch\" (index range)",
                new Query(select + " WHERE c.LAST_NAME LIKE ?" + page, "Sch%"));
        queries.put("search \"son\" + visibility of 10 owners",
                new Query(select + search + " AND c.OWNER IN (?,?,?,?,?,?,?,?,?,?)" + page, "%son%", "%son%", "%son%",
                        "%son%", "user1", "user2", "user3", "user4", "user5", "user6", "user7", "user8", "user9", "user10"));
        queries.put("custom pick-list = \"Enterprise\", extension table with real columns",
                new Query(select + " JOIN CRM_CONTACT_CF f ON f.ID = c.ID WHERE f.CF_SEGMENT = ?" + page, "Enterprise"));
        queries.put("custom pick-list = \"Enterprise\", EAV table",
                new Query(select + " JOIN CRM_CUSTOM_VALUE v ON v.RECORD_ID = c.ID AND v.FIELD = 'segment' "
                        + "WHERE v.TEXT_VALUE = ?" + page, "Enterprise"));
        queries.put("custom number 990..999 (rare), extension table",
                new Query(select + " JOIN CRM_CONTACT_CF f ON f.ID = c.ID WHERE f.CF_SCORE BETWEEN ? AND ?" + page, 990, 999));
        queries.put("custom number 990..999 (rare), EAV table",
                new Query(select + " JOIN CRM_CUSTOM_VALUE v ON v.RECORD_ID = c.ID AND v.FIELD = 'score' "
                        + "WHERE v.NUM_VALUE BETWEEN ? AND ?" + page, 990, 999));
        StringBuilder table = new StringBuilder();
        table.append("### ").append(db).append(", ").append(String.format("%,d", rows)).append(" contacts\n\n")
                .append(String.format("Loaded in %.1f s (%,.0f contacts/s with their custom values, JDBC batches of %d).%n%n",
                        loadSeconds, rows / loadSeconds, DataGenerator.BATCH))
                .append(Schema.indexes(connection)).append("\n\n")
                .append("| Page of 50 | median ms | min ms | max ms | rows |\n|---|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Query> entry : queries.entrySet()) {
            Timing timing = entry.getValue().time(connection, runs);
            table.append(String.format("| %s | %.1f | %.1f | %.1f | %d |%n", entry.getKey(), timing.median(), timing.min(),
                    timing.max(), timing.rows()));
            System.out.printf("%s: %s -> median %.1f ms%n", db, entry.getKey(), timing.median());
        }
        return table.toString();
    }

    /** One parameterised query. */
    record Query(String sql, Object... params) {
        Timing time(Connection connection, int runs) throws SQLException {
            List<Double> millis = new ArrayList<>();
            int rows = 0;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    statement.setObject(i + 1, params[i]);
                }
                for (int run = 0; run < WARMUP + runs; run++) {
                    long start = System.nanoTime();
                    rows = 0;
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            result.getString(3);
                            rows++;
                        }
                    }
                    if (run >= WARMUP) {
                        millis.add((System.nanoTime() - start) / 1e6);
                    }
                }
            }
            return Timing.of(millis, rows);
        }
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
                connection = DriverManager.getConnection(
                        System.getProperty("tessera.bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/tessera_it")
                                + "?reWriteBatchedInserts=true&prepareThreshold=0",
                        System.getProperty("tessera.bench.pg.user", "tessera"),
                        System.getProperty("tessera.bench.pg.password", "tessera"));
                execute(connection, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
            } else {
                throw new IllegalArgumentException("Unknown database '" + db + "': use derby or postgresql");
            }
            connection.setAutoCommit(false);
            return connection;
        }

        /** @return the standard row limit clause both databases understand */
        static String firstRows(int n) {
            return "FETCH FIRST " + n + " ROWS ONLY";
        }
    }
}
