package org.tesseracrm.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.tesseracrm.kernel.api.record.CustomFieldInput;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.security.Visibility;
import org.tesseracrm.opportunities.api.Phase;

/**
 * The sales-pipeline benchmark (issue 19 item 6): 1,000,000 contacts as {@link ListBenchmark} loads them and
 * 200,000 opportunities in 8 phases ({@link Opportunities}), on the opportunities module's schema with its lifecycle
 * participant and phase service ({@link Pipeline}); times the opportunities board and a move, and with
 * {@code tessera.bench.only=board} also the contacts board of {@link Boards}. Unlike {@link ListBenchmark} it keeps
 * its loaded databases ({@code target/bench-pipeline-derby}, and the PostgreSQL database given) and loads again only
 * when their contact or opportunity counts differ from the ones asked for, so a rerun after a platform change takes
 * minutes, not a reload. Writes {@code target/pipeline-results.md}.
 *
 * <p>System properties as {@link ListBenchmark} ({@code tessera.bench.rows}, {@code .db}, {@code .runs},
 * {@code .pg.url/.user/.password}), and {@code tessera.bench.opportunities} (default 200,000),
 * {@code tessera.bench.only} ({@code opportunities}, {@code conversion}, {@code forecast} (issue 20: {@link Forecasting}),
 * {@code quote} (issue 20: {@link Quoting}) and/or {@code board}; default {@code opportunities}),
 * {@code tessera.bench.reload=true} to load again whatever is there.
 */
public final class PipelineBenchmark {
    private static final Logger LIQUIBASE_LOG = Logger.getLogger("liquibase");

    private PipelineBenchmark() {
    }

    /**
     * @param args unused; see the class comment for the system properties
     * @throws Exception if a database is unreachable or a statement fails
     */
    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("tessera.bench.rows", 1_000_000);
        int opportunities = Integer.getInteger("tessera.bench.opportunities", 200_000);
        int runs = Integer.getInteger("tessera.bench.runs", 11);
        Set<String> only = Set.of(System.getProperty("tessera.bench.only", "opportunities").split(","));
        Path dir = Path.of(System.getProperty("tessera.bench.dir", "target"));
        LIQUIBASE_LOG.setLevel(Level.WARNING);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("liquibase.showSummaryOutput", "log");
        StringBuilder report = new StringBuilder(Machine.describe()).append("\n\n");
        for (String db : System.getProperty("tessera.bench.db", "derby,postgresql").split(",")) {
            try (Connection connection = open(db.trim(), dir, rows, opportunities)) {
                report.append(run(db.trim(), connection, only, runs)).append('\n');
                connection.rollback();
            }
        }
        Path out = dir.resolve("pipeline-results.md");
        Files.writeString(out, report);
        System.out.println(report);
        System.out.println("Written to " + out);
    }

    private static String run(String db, Connection connection, Set<String> only, int runs) throws Exception {
        long start = System.nanoTime();
        Pipeline.search(connection); // as at a start on an existing database: the search state, indexes in place
        Pipeline admin = Pipeline.over(connection, new Visibility(true, Set.of()));
        Opportunities.eightPhases(admin);
        System.out.printf("%s: platform ready in %.1f s%n", db, (System.nanoTime() - start) / 1e9);
        StringBuilder out = new StringBuilder(String.format("### %s, %,d contacts, %,d opportunities%n%n", db,
                Opportunities.count(connection, "CRM_CONTACT"), Opportunities.count(connection, "CRM_OPPORTUNITY")));
        if (only.contains("opportunities")) {
            out.append(Opportunities.times(db, connection, admin,
                    Pipeline.over(connection, Platform.tenOwners()),
                    Pipeline.over(connection, new Visibility(false, Set.of("user3"))), runs));
        }
        if (only.contains("forecast")) {
            out.append(Forecasting.times(db, connection, admin, runs));
        }
        if (only.contains("quote")) {
            out.append(Quoting.times(db, connection, runs));
        }
        if (only.contains("board")) {
            out.append(Boards.times(db, Platform.over(connection, new Visibility(true, Set.of())),
                    Platform.over(connection, Platform.tenOwners()), runs));
        }
        if (only.contains("conversion")) { // last: it adds companies, contacts and opportunities
            out.append(Conversions.times(db, admin, runs));
        }
        return out.toString();
    }

    /** @return the database, loaded: kept from an earlier run if its counts match, else loaded now */
    private static Connection open(String db, Path dir, int rows, int opportunities) throws Exception {
        boolean reload = Boolean.getBoolean("tessera.bench.reload")
                || db.equals("derby") && !Files.exists(dir.resolve("bench-pipeline-derby/service.properties"));
        if (!reload) {
            Connection kept = connect(db, dir, false);
            if (loaded(kept, rows, opportunities)) {
                System.out.printf("%s: reusing the loaded database%n", db);
                Schema.migrate(kept);
                migrateModules(kept);
                // what earlier runs' conversions made: every run times the generated data alone
                ListBenchmark.execute(kept, "DELETE FROM OPP_CONTACT WHERE OPPORTUNITY_ID > " + opportunities,
                        "DELETE FROM OPP_PHASE_HISTORY WHERE OPPORTUNITY_ID > " + opportunities,
                        "DELETE FROM CRM_OPPORTUNITY WHERE ID > " + opportunities,
                        "DELETE FROM CRM_CONTACT WHERE ID > " + rows, "DELETE FROM CRM_COMPANY WHERE ID > 50000",
                        "DELETE FROM CRM_LEAD");
                return kept;
            }
            kept.close();
        }
        Connection connection = connect(db, dir, true);
        load(db, connection, rows, opportunities);
        return connection;
    }

    private static boolean loaded(Connection connection, int rows, int opportunities) {
        try {
            // the generated rows: the conversions of earlier runs add a few records after them
            return Opportunities.count(connection, "CRM_CONTACT WHERE ID <= " + rows) == rows
                    && Opportunities.count(connection, "CRM_CONTACT") < rows + 10_000
                    && Opportunities.count(connection, "CRM_OPPORTUNITY WHERE ID <= " + opportunities) == opportunities;
        } catch (SQLException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // a fresh start follows
            }
            return false;
        }
    }

    /** Contacts as ListBenchmark loads them (with its 3 custom fields), then the opportunities. */
    private static void load(String db, Connection connection, int rows, int opportunities) throws Exception {
        Schema.migrate(connection);
        migrateModules(connection);
        Platform contacts = Platform.over(connection, new Visibility(true, Set.of()));
        contacts.customFields().add("contact", CustomFieldInput.pickList("Segment", false,
                List.of("Enterprise", "Mid-market", "SMB")));
        contacts.customFields().add("contact", CustomFieldInput.of("Score", FieldType.NUMBER));
        contacts.customFields().add("contact", CustomFieldInput.of("Renewal", FieldType.DATE));
        long start = System.nanoTime();
        DataGenerator.fill(connection, rows);
        System.out.printf("%s: %,d contacts loaded in %.1f s%n", db, rows, (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        List<Phase> phases = Opportunities.eightPhases(Pipeline.over(connection, new Visibility(true, Set.of())));
        long history = Opportunities.fill(connection, phases, opportunities);
        System.out.printf("%s: %,d opportunities and %,d phase history entries loaded in %.1f s%n", db, opportunities,
                history, (System.nanoTime() - start) / 1e9);
        analyze(db, connection);
        start = System.nanoTime();
        Pipeline.search(connection);
        analyze(db, connection);
        System.out.printf("%s: search indexes in %.1f s%n", db, (System.nanoTime() - start) / 1e9);
    }

    static void analyze(String db, Connection connection) throws SQLException {
        Schema.analyze(connection, db);
        if (db.equals("derby")) {
            for (String table : List.of("CRM_OPPORTUNITY", "OPP_PHASE_HISTORY", "OPP_CONTACT")) {
                ListBenchmark.execute(connection, "CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table + "', NULL)");
            }
        }
    }

    @SuppressWarnings("deprecation") // the Liquibase facade is the short way to run one changelog
    private static void migrateModules(Connection connection) throws Exception {
        liquibase.database.Database database = liquibase.database.DatabaseFactory.getInstance()
                .findCorrectDatabaseImplementation(new liquibase.database.jvm.JdbcConnection(connection));
        for (String changelog : List.of("db/changelog/opportunities.yaml", "db/changelog/leads.yaml",
                "db/changelog/forecasts.yaml", "db/changelog/products.yaml", "db/changelog/quotes.yaml",
                "db/changelog/pdf.yaml")) {
            new liquibase.Liquibase(changelog, new liquibase.resource.ClassLoaderResourceAccessor(), database).update("");
        }
        connection.commit();
    }

    private static Connection connect(String db, Path dir, boolean fresh) throws Exception {
        Connection connection;
        if (db.equals("derby")) {
            Path home = dir.resolve("bench-pipeline-derby");
            if (fresh) {
                try { // the check of the counts booted it: shut it down before deleting its files
                    DriverManager.getConnection("jdbc:derby:" + home.toAbsolutePath() + ";shutdown=true").close();
                } catch (SQLException shutDown) {
                    // Derby answers a shutdown with an exception (08006), or it was not booted
                }
                ListBenchmark.deleteTree(home);
            }
            connection = DriverManager.getConnection("jdbc:derby:" + home.toAbsolutePath() + ";create=true");
        } else if (db.equals("postgresql")) {
            connection = ListBenchmark.Databases.postgres();
            if (fresh) {
                ListBenchmark.execute(connection, "DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
            }
        } else {
            throw new IllegalArgumentException("Unknown database '" + db + "': use derby or postgresql");
        }
        connection.setAutoCommit(false);
        return connection;
    }
}
