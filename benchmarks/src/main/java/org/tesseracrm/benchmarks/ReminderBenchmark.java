package org.tesseracrm.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import javax.sql.DataSource;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

import org.tesseracrm.activities.internal.service.ActivitiesConfig;
import org.tesseracrm.activities.internal.service.ActivityService;
import org.tesseracrm.activities.internal.service.ReminderScheduler;
import org.tesseracrm.kernel.api.record.CustomFieldInput;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.security.Visibility;

/**
 * Do pending reminders slow page requests (issue 5)? Times what a list page of contacts costs with
 * the activities module installed (the page, the due flags of its records, the bell's count of due
 * reminders): without activities, with 100,000 open activities, and with the same activities all
 * holding a pending reminder; plus one look of the reminder scheduler among them. Same databases and product code as {@link ListBenchmark}.
 *
 * <p>{@code mvn -B -q -pl benchmarks exec:java -Dexec.mainClass=org.tesseracrm.benchmarks.ReminderBenchmark}
 * (properties: {@code tessera.bench.db}, {@code tessera.bench.reminderContacts} default 100,000,
 * {@code tessera.bench.reminders} default 100,000, {@code tessera.bench.runs} default 21).
 */
public final class ReminderBenchmark {
    private static final String CONTACT = "contact";
    /** The contacts list as it opens: the first 50 in the default order (last name, first name). */
    private static final RecordQuery FIRST_PAGE = RecordQuery.page(0, 50);

    private ReminderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int contacts = Integer.getInteger("tessera.bench.reminderContacts", 100_000);
        int reminders = Integer.getInteger("tessera.bench.reminders", 100_000);
        int runs = Integer.getInteger("tessera.bench.runs", 21);
        Path dir = Path.of(System.getProperty("tessera.bench.dir", "target"));
        Logger.getLogger("liquibase").setLevel(Level.WARNING);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        StringBuilder report = new StringBuilder(Machine.describe()).append("\n\n");
        for (String db : System.getProperty("tessera.bench.db", "derby,postgresql").split(",")) {
            try (Connection connection = ListBenchmark.Databases.fresh(db.trim(), dir)) {
                report.append(run(db.trim(), connection, contacts, reminders, runs)).append('\n');
                connection.rollback();
            }
        }
        Path out = dir.resolve("reminder-results.md");
        Files.writeString(out, report);
        System.out.println(report);
        System.out.println("Written to " + out);
    }

    @SuppressWarnings("deprecation") // the Liquibase facade is the short way to run one changelog
    private static String run(String db, Connection connection, int contacts, int reminders, int runs) throws Exception {
        Schema.migrate(connection);
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        new Liquibase("db/changelog/activities.yaml", new ClassLoaderResourceAccessor(), database).update("");
        connection.commit();
        Platform admin = Platform.over(connection, new Visibility(true, Set.of()));
        admin.customFields().add(CONTACT, CustomFieldInput.pickList("Segment", false, List.of("Enterprise", "Mid-market", "SMB")));
        admin.customFields().add(CONTACT, CustomFieldInput.of("Score", FieldType.NUMBER));
        admin.customFields().add(CONTACT, CustomFieldInput.of("Renewal", FieldType.DATE));
        DataGenerator.fill(connection, contacts);
        Schema.analyze(connection, db);

        DataSource dataSource = Platform.pooled(connection);
        ActivityService activities = new ActivityService(admin.records(),
                Platform.allowed(new Visibility(true, Set.of())), dataSource, Platform.scope(connection), null, config(), Platform.noAudit(),
                Platform.recordTypes());
        ReminderScheduler scheduler = new ReminderScheduler(dataSource, admin.records(), asAdmin(), null);
        StringBuilder table = new StringBuilder("### ").append(db).append(String.format(", %,d contacts%n%n", contacts))
                .append("| A contacts list page request, 50 rows | median ms | min ms | max ms |\n|---|---:|---:|---:|\n");
        try {
            row(table, db, "no activities", ListBenchmark.time(runs, 5, () -> pageRequest(admin, activities)));
            insertActivities(connection, contacts, reminders);
            analyze(connection, db);
            ListBenchmark.Timing before = ListBenchmark.time(runs, 5, () -> pageRequest(admin, activities));
            row(table, db, String.format("%,d open activities, no reminders", reminders), before);
            ListBenchmark.execute(connection, "UPDATE CRM_ACTIVITY SET REMIND_AT = DUE_AT - 5 MINUTE".replace(
                    "DUE_AT - 5 MINUTE", db.equals("derby") ? "{fn TIMESTAMPADD(SQL_TSI_MINUTE, -5, DUE_AT)}"
                            : "DUE_AT - INTERVAL '5 minutes'"));
            analyze(connection, db);
            ListBenchmark.Timing after = ListBenchmark.time(runs, 5, () -> pageRequest(admin, activities));
            row(table, db, String.format("the same %,d activities, all with a pending reminder", reminders), after);
            table.append(String.format("%nRatio with / without the reminders: %.2f. Its parts, with the reminders:%n%n",
                    after.median() / before.median()))
                    .append("| Part | median ms | min ms | max ms |\n|---|---:|---:|---:|\n");
            List<RecordRow> page = admin.records().page(CONTACT, FIRST_PAGE);
            List<Long> ids = page.stream().map(RecordRow::id).toList();
            row(table, db, "the page (`Records.page`)", ListBenchmark.time(runs, 5, () -> admin.records().page(CONTACT, FIRST_PAGE).size()));
            row(table, db, "its due flags (`nextDue`, one grouped query)", ListBenchmark.time(runs, 5,
                    () -> activities.nextDue(CONTACT, ids).size()));
            row(table, db, "the bell's due reminders (`dueReminders`)", ListBenchmark.time(runs, 5,
                    () -> activities.dueReminders().size()));
            ListBenchmark.Timing look = ListBenchmark.time(runs, 5, () -> {
                LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
                try {
                    return scheduler.dueBetween(now.minusSeconds(5), now).size();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            table.append(String.format("One look of the reminder scheduler (the last 5 s) among %,d pending reminders: "
                    + "median %.2f ms (min %.2f, max %.2f).%n", reminders, look.median(), look.min(), look.max()));
            System.out.printf("%s: scheduler look -> median %.2f ms%n", db, look.median());
        } finally {
            scheduler.stop();
        }
        return table.toString();
    }

    /** What a contacts list page costs with activities installed: the page, its due flags, the bell's count. */
    /** @return callers for the scheduler's reads as each owner: the admin platform's access decides them all */
    private static org.tesseracrm.kernel.api.security.CallerContext asAdmin() {
        return new org.tesseracrm.kernel.api.security.CallerContext() {
            @Override
            public java.util.Optional<org.tesseracrm.kernel.api.security.Caller> current() {
                return java.util.Optional.of(org.tesseracrm.kernel.api.security.Caller.SYSTEM);
            }

            @Override
            public <T> T callAs(org.tesseracrm.kernel.api.security.Caller caller, java.util.function.Supplier<T> work) {
                return work.get();
            }
        };
    }

    private static int pageRequest(Platform admin, ActivityService activities) {
        List<RecordRow> page = admin.records().page(CONTACT, FIRST_PAGE);
        activities.nextDue(CONTACT, page.stream().map(RecordRow::id).toList());
        activities.dueReminders();
        return page.size();
    }

    /** Open tasks due in the next 30 days, on random contacts, owned by 50 users and the benchmark's own ("bench"). */
    private static void insertActivities(Connection connection, int contacts, int count) throws SQLException {
        Random random = new Random(7);
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO CRM_ACTIVITY (ID, KIND, SUBJECT, DUE_AT, "
                + "DONE, RELATED_TYPE, RELATED_ID, RELATED_TITLE, OWNER, CREATED_AT, UPDATED_AT, VERSION) "
                + "VALUES (?, 'task', ?, ?, ?, 'contact', ?, '', ?, ?, ?, 1)")) {
            for (int i = 1; i <= count; i++) {
                insert.setLong(1, i);
                insert.setString(2, "Follow up " + i);
                insert.setTimestamp(3, Timestamp.valueOf(now.plusMinutes(10 + random.nextInt(30 * 24 * 60))));
                insert.setBoolean(4, false);
                insert.setLong(5, 1 + random.nextInt(contacts));
                insert.setString(6, i % 51 == 0 ? "bench" : "user" + (1 + i % 50));
                insert.setTimestamp(7, Timestamp.valueOf(now));
                insert.setTimestamp(8, Timestamp.valueOf(now));
                insert.addBatch();
                if (i % DataGenerator.BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        connection.commit();
    }

    /**
     * Refreshes the statistics after a bulk change and, on Derby, writes its dirty pages out, so the timed
     * runs do not share the machine with a checkpoint the change set off.
     */
    private static void analyze(Connection connection, String db) throws SQLException {
        if (db.equals("derby")) {
            ListBenchmark.execute(connection, "CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', 'CRM_ACTIVITY', NULL)",
                    "CALL SYSCS_UTIL.SYSCS_CHECKPOINT_DATABASE()");
        } else {
            ListBenchmark.execute(connection, "ANALYZE CRM_ACTIVITY");
        }
    }

    private static void row(StringBuilder table, String db, String name, ListBenchmark.Timing timing) {
        table.append(String.format("| %s | %.2f | %.2f | %.2f |%n", name, timing.median(), timing.min(), timing.max()));
        System.out.printf("%s: page request, %s -> median %.2f ms%n", db, name, timing.median());
    }

    private static ActivitiesConfig config() {
        return ActivitiesConfig.Fixed.of(24, 300); // no timed looks: the caller looks itself
    }
}
