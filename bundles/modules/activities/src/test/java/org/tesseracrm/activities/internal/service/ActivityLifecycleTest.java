package org.tesseracrm.activities.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * What happens to activities when a record they belong to, or take part in, is merged or deleted: on an
 * in-memory Derby with the module's tables, inside one transaction as the record platform runs it.
 */
class ActivityLifecycleTest {
    private static final String URL = "jdbc:derby:memory:activity-lifecycle;create=true";

    private Connection db;
    /** The platform's deletions the lifecycle asked for: caller, type and ids. */
    private final List<String> deletions = new ArrayList<>();
    private ActivityLifecycle lifecycle;

    @BeforeEach
    void createTables() throws SQLException {
        db = DriverManager.getConnection(URL);
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE CRM_ACTIVITY (ID BIGINT PRIMARY KEY, SUBJECT VARCHAR(200) NOT NULL,"
                    + " RELATED_TYPE VARCHAR(50) NOT NULL, RELATED_ID BIGINT, RELATED_TITLE VARCHAR(300) NOT NULL)");
            s.execute("CREATE TABLE CRM_ACTIVITY_PARTICIPANT (ACTIVITY_ID BIGINT NOT NULL, RECORD_TYPE VARCHAR(50) NOT NULL,"
                    + " RECORD_ID BIGINT NOT NULL, TITLE VARCHAR(300) NOT NULL,"
                    + " PRIMARY KEY (ACTIVITY_ID, RECORD_TYPE, RECORD_ID))");
            s.execute("CREATE TABLE CRM_CHECKIN (ID BIGINT PRIMARY KEY, RECORD_TYPE VARCHAR(50) NOT NULL,"
                    + " RECORD_ID BIGINT NOT NULL, ACTIVITY_ID BIGINT)");
            s.execute("INSERT INTO CRM_ACTIVITY VALUES (1, 'Call Ada', 'contact', 7, 'Contact #7'),"
                    + " (2, 'Visit', 'contact', 8, 'Contact #8'), (3, 'Lunch', 'company', 7, 'Company #7'),"
                    + " (4, 'Review', 'contact', 7, 'Contact #7')");
            // activity 2 has both contacts taking part; activity 3 only contact 7
            s.execute("INSERT INTO CRM_ACTIVITY_PARTICIPANT VALUES (2, 'contact', 7, 'Contact #7'),"
                    + " (2, 'contact', 8, 'Contact #8'), (3, 'contact', 7, 'Contact #7'), (3, 'company', 8, 'Company #8')");
            s.execute("INSERT INTO CRM_CHECKIN VALUES (10, 'contact', 7, NULL), (11, 'contact', 8, 2),"
                    + " (12, 'company', 7, 3), (13, 'contact', 9, 1)");
        }
        db.setAutoCommit(false);
        lifecycle = new ActivityLifecycle(types(), callers(), () -> "db/changelog/activities.yaml");
    }

    @AfterEach
    void dropTables() throws SQLException {
        db.rollback();
        db.setAutoCommit(true);
        try (Statement s = db.createStatement()) {
            for (String table : List.of("CRM_ACTIVITY", "CRM_ACTIVITY_PARTICIPANT", "CRM_CHECKIN")) {
                s.execute("DROP TABLE " + table);
            }
        }
        db.close();
    }

    @Test
    void aMergeMovesTheMergedRecordsActivitiesCheckInsAndParticipationsToTheSurvivor() throws SQLException {
        lifecycle.beforeMerge(change("contact", 8), new RecordRow(7, 3, Map.of()));

        assertEquals(List.of("1:contact:8:Contact no. 8", "2:contact:8:Contact #8", "3:company:7:Company #7",
                "4:contact:8:Contact no. 8"), rows("SELECT ID, RELATED_TYPE, RELATED_ID, RELATED_TITLE"
                        + " FROM CRM_ACTIVITY ORDER BY ID"));
        assertEquals(List.of("10:contact:8", "11:contact:8", "12:company:7", "13:contact:9"),
                rows("SELECT ID, RECORD_TYPE, RECORD_ID FROM CRM_CHECKIN ORDER BY ID"));
        // in activity 2 the survivor already took part: one participation, not two; in 3 contact 7 becomes 8
        assertEquals(List.of("2:contact:8:Contact #8", "3:company:8:Company #8", "3:contact:8:Contact no. 8"),
                rows("SELECT ACTIVITY_ID, RECORD_TYPE, RECORD_ID, TITLE FROM CRM_ACTIVITY_PARTICIPANT"
                        + " ORDER BY ACTIVITY_ID, RECORD_TYPE"));
        assertEquals(List.of(), deletions);
    }

    @Test
    void deletingARecordDeletesItsActivitiesThroughThePlatformAsTheSystemAndItsCheckInsAndParticipations()
            throws SQLException {
        lifecycle.beforeDelete(change("contact", 7));

        assertEquals(List.of("system deletes activity [1, 4]"), deletions);
        assertEquals(List.of("11", "12", "13"), rows("SELECT ID FROM CRM_CHECKIN ORDER BY ID"));
        assertEquals(List.of("2:contact:8", "3:company:8"), rows("SELECT ACTIVITY_ID, RECORD_TYPE, RECORD_ID"
                + " FROM CRM_ACTIVITY_PARTICIPANT ORDER BY ACTIVITY_ID, RECORD_TYPE"));
        assertEquals(4, rows("SELECT ID FROM CRM_ACTIVITY").size(), "the platform, not the lifecycle, deletes them");
    }

    @Test
    void aRecordWithMoreActivitiesThanABulkActionTakesIsDeletedInBlocks() throws SQLException {
        try (Statement s = db.createStatement()) {
            for (long id = 100; id < 100 + Records.BULK_LIMIT + 1; id++) {
                s.execute("INSERT INTO CRM_ACTIVITY VALUES (" + id + ", 'Many', 'lead', 5, 'Lead #5')");
            }
        }

        lifecycle.beforeDelete(change("lead", 5));

        assertEquals(List.of("system deletes activity " + LongStream.range(100, 100 + Records.BULK_LIMIT).boxed()
                .toList(), "system deletes activity [" + (100 + Records.BULK_LIMIT) + "]"), deletions);
    }

    @Test
    void deletingAnActivityDeletesOnlyItsParticipantsAndCheckIns() throws SQLException {
        lifecycle.beforeDelete(change(ActivityRecordType.ID, 2));

        assertEquals(List.of("3:company:8", "3:contact:7"), rows("SELECT ACTIVITY_ID, RECORD_TYPE, RECORD_ID"
                + " FROM CRM_ACTIVITY_PARTICIPANT ORDER BY ACTIVITY_ID, RECORD_TYPE"));
        assertEquals(List.of("10", "12", "13"), rows("SELECT ID FROM CRM_CHECKIN ORDER BY ID"));
        assertEquals(List.of(), deletions, "an activity's own deletion cascades no further");
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    columns.add(String.valueOf(rs.getString(i)));
                }
                rows.add(String.join(":", columns));
            }
        }
        return rows;
    }

    /** A change of a record of the type, on the test's transaction, whose platform records deletions. */
    private RecordLifecycle.Change change(String type, long id) {
        Records records = (Records) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Records.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("delete") && args[1] instanceof RecordSelection selection) {
                        deletions.add(current + " deletes " + args[0] + " " + selection.ids());
                        return (long) selection.ids().size();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new RecordLifecycle.Change() {
            @Override
            public String recordType() {
                return type;
            }

            @Override
            public long id() {
                return id;
            }

            @Override
            public String actor() {
                return "ann";
            }

            @Override
            public Set<String> fields() {
                return Set.of();
            }

            @Override
            public Optional<RecordRow> before() {
                return Optional.empty();
            }

            @Override
            public Optional<RecordRow> after() {
                return Optional.empty();
            }

            @Override
            public Connection connection() {
                return db;
            }

            @Override
            public Records records() {
                return records;
            }
        };
    }

    private String current = "ann";

    private CallerContext callers() {
        return (CallerContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CallerContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("callAs")) {
                        String before = current;
                        current = ((Caller) args[0]).username();
                        try {
                            return ((Supplier<?>) args[1]).get();
                        } finally {
                            current = before;
                        }
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Contacts and companies whose neutral title is "Contact no. 8". */
    private static RecordTypes types() {
        return (RecordTypes) Proxy.newProxyInstance(ActivityLifecycleTest.class.getClassLoader(),
                new Class<?>[] {RecordTypes.class}, (proxy, method, args) -> {
                    if (method.isDefault()) { // neutralTitle(type, id) works on find, as the service's does
                        return InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    if (method.getName().equals("find")) {
                        String id = (String) args[0];
                        return Optional.of((RecordType) Proxy.newProxyInstance(ActivityLifecycleTest.class
                                .getClassLoader(), new Class<?>[] {RecordType.class}, (p, m, a) -> switch (m.getName()) {
                                    case "neutralTitle" -> Character.toUpperCase(id.charAt(0)) + id.substring(1)
                                            + " no. " + a[0];
                                    case "id" -> id;
                                    default -> throw new UnsupportedOperationException(m.getName());
                                }));
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
