package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Aggregate;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.record.DateBucket;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.Measure;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.RegionalSettings;
import org.tesseracrm.kernel.api.security.UserSettings;
import org.tesseracrm.kernel.api.security.Visibility;
import org.tesseracrm.kernel.persistence.internal.ScopedDataSource;

/**
 * Reports' grouped reads ({@link Records#aggregate}) on an in-memory Derby, set up as RecordGroupsTest is: deals with a
 * stage pick-list, an amount, a city, a yes/no, a date, a date-time, a lookup of firms (with an industry pick-list)
 * and a custom segment pick-list. Every figure follows the caller's visibility; dates fall in the caller's time zone
 * (Berlin here, across both 2026 daylight-saving changes and the new year); and for every row of every report, the
 * row's {@link Records#aggregateFilters} added to the query count exactly the row's records.
 */
class RecordAggregatesTest {
    /**
     * In-memory Derby; {@code -Dtessera.records.pg=jdbc:postgresql://127.0.0.1:5432/<database>} (user and password
     * tessera, the driver on the class path) runs the same checks on PostgreSQL, in tables it drops and makes again.
     */
    private static final String URL = System.getProperty("tessera.records.pg",
            "jdbc:derby:memory:record-aggregates;create=true");
    private static final RecordType DEAL = new SimpleType("deal", "deals", "Deal", "T_AGG_DEAL", List.of(
            FieldDefinition.predefined("name", "Name", FieldType.TEXT, "NAME", true, 100),
            FieldDefinition.predefined("stage", "Stage", FieldType.PICKLIST, "STAGE", false, 100),
            FieldDefinition.predefined("amount", "Amount", FieldType.MONEY, "AMOUNT", false, 0),
            FieldDefinition.predefined("city", "City", FieldType.TEXT, "CITY", false, 100),
            FieldDefinition.predefined("won", "Won", FieldType.BOOLEAN, "WON", false, 0),
            FieldDefinition.predefined("closed", "Closed", FieldType.DATE, "CLOSED", false, 0),
            FieldDefinition.predefined("seen", "Seen", FieldType.DATE_TIME, "SEEN", false, 0),
            new FieldDefinition("firm", "Firm", FieldType.LOOKUP, false, 0, true, "FIRM_ID", false, Optional.of("firm")),
            FieldDefinition.predefined("note", "Note", FieldType.LONG_TEXT, "NOTE", false, 0),
            FieldDefinition.predefined("owner", "Owner", FieldType.USER, "OWNER", true, 100)));
    private static final RecordType FIRM = new SimpleType("firm", "firms", "Firm", "T_AGG_FIRM", List.of(
            FieldDefinition.predefined("name", "Name", FieldType.TEXT, "NAME", true, 100),
            FieldDefinition.predefined("industry", "Industry", FieldType.PICKLIST, "INDUSTRY", false, 100),
            FieldDefinition.predefined("owner", "Owner", FieldType.USER, "OWNER", true, 100)));
    private static final RecordType LOG = new SimpleType("log", "deals", "Log", "T_AGG_LOG", List.of(
            FieldDefinition.predefined("name", "Name", FieldType.TEXT, "NAME", true, 100),
            FieldDefinition.predefined("owner", "Owner", FieldType.USER, "OWNER", true, 100)));
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId UTC = ZoneId.of("UTC");

    private static Connection db;
    private static RecordTypeRegistry types;
    private static FieldCatalog catalog;

    @BeforeAll
    static void createTables() throws SQLException {
        db = connect();
        try (Statement s = db.createStatement()) {
            if (URL.startsWith("jdbc:postgresql:")) {
                s.execute("DROP TABLE IF EXISTS T_AGG_DEAL, T_AGG_FIRM, T_AGG_LOG, CRM_CUSTOM_FIELD, CRM_PICKLIST_VALUE,"
                        + " CRM_SAVED_VIEW");
            }
            s.execute("CREATE TABLE T_AGG_DEAL (ID BIGINT PRIMARY KEY, VERSION BIGINT NOT NULL, NAME VARCHAR(100) NOT NULL,"
                    + " STAGE VARCHAR(100), AMOUNT DECIMAL(19,4), CITY VARCHAR(100), WON BOOLEAN, CLOSED DATE,"
                    + " SEEN TIMESTAMP, FIRM_ID BIGINT, NOTE VARCHAR(1000), OWNER VARCHAR(100) NOT NULL, CF_SEGMENT VARCHAR(100),"
                    + " CREATED_AT TIMESTAMP, UPDATED_AT TIMESTAMP)");
            s.execute("CREATE TABLE T_AGG_FIRM (ID BIGINT PRIMARY KEY, VERSION BIGINT NOT NULL, NAME VARCHAR(100) NOT NULL,"
                    + " INDUSTRY VARCHAR(100), OWNER VARCHAR(100) NOT NULL, CREATED_AT TIMESTAMP, UPDATED_AT TIMESTAMP)");
            s.execute("CREATE TABLE T_AGG_LOG (ID BIGINT PRIMARY KEY, VERSION BIGINT NOT NULL, NAME VARCHAR(100) NOT NULL,"
                    + " OWNER VARCHAR(100) NOT NULL, CREATED_AT TIMESTAMP, UPDATED_AT TIMESTAMP)");
            s.execute("CREATE TABLE CRM_CUSTOM_FIELD (RECORD_TYPE VARCHAR(50), NAME VARCHAR(50), LABEL VARCHAR(60),"
                    + " FIELD_TYPE VARCHAR(20), REQUIRED BOOLEAN, MAX_LENGTH INT, LOOKUP_TYPE VARCHAR(50), POS INT)");
            s.execute("CREATE TABLE CRM_PICKLIST_VALUE (RECORD_TYPE VARCHAR(50), FIELD_NAME VARCHAR(50), VAL VARCHAR(100),"
                    + " COLOUR VARCHAR(20), IS_DEFAULT BOOLEAN, ACTIVE BOOLEAN, POS INT)");
            s.execute("CREATE TABLE CRM_SAVED_VIEW (RECORD_TYPE VARCHAR(50), OWNER VARCHAR(100), NAME VARCHAR(60),"
                    + " SHARED BOOLEAN, DEFINITION VARCHAR(8000))");
            s.execute("INSERT INTO CRM_CUSTOM_FIELD VALUES ('deal', 'cf_segment', 'Segment', 'PICKLIST', FALSE, 100,"
                    + " NULL, 0)");
            s.execute("INSERT INTO CRM_PICKLIST_VALUE VALUES ('deal', 'stage', 'Proposal', NULL, FALSE, TRUE, 0),"
                    + " ('deal', 'stage', 'New', NULL, TRUE, TRUE, 1), ('deal', 'stage', 'Empty', NULL, FALSE, TRUE, 2),"
                    + " ('deal', 'stage', 'Old', NULL, FALSE, FALSE, 3),"
                    + " ('deal', 'cf_segment', 'Gold', NULL, FALSE, TRUE, 0),"
                    + " ('deal', 'cf_segment', 'Silver', NULL, FALSE, TRUE, 1),"
                    + " ('deal', 'cf_segment', 'Bronze', NULL, FALSE, TRUE, 2),"
                    + " ('firm', 'industry', 'Energy', NULL, FALSE, TRUE, 0),"
                    + " ('firm', 'industry', 'Retail', NULL, FALSE, TRUE, 1)");
            s.execute("INSERT INTO T_AGG_FIRM (ID, VERSION, NAME, INDUSTRY, OWNER) VALUES (1, 1, 'Acme', 'Retail', 'ann'),"
                    + " (2, 1, 'Bolt', 'Energy', 'bob'), (3, 1, 'Crux', NULL, 'bob')");
            // Seen (UTC) in Berlin: 1 Jan 31 23:30; 2 Mar 29 01:30 (before the change); 3 Jan 1 2026 00:30 (still 2025
            // in UTC); 4 Mar 29 03:30 (after); 6 Oct 25 02:30 summer time; 7 Oct 25 02:30 winter time; 8 May 1 00:30;
            // 9 Jun 30 23:59.
            s.execute("INSERT INTO T_AGG_DEAL (ID, VERSION, NAME, STAGE, AMOUNT, CITY, WON, CLOSED, SEEN, FIRM_ID, OWNER,"
                    + " CF_SEGMENT) VALUES"
                    + " (1, 1, 'Alpha', 'New', 100.50, 'Paris', TRUE, '2026-01-31', '2026-01-31 22:30:00', 1, 'ann', 'Gold'),"
                    + " (2, 1, 'Beta', 'New', 200, 'paris', FALSE, '2026-02-01', '2026-03-29 00:30:00', 2, 'bob', 'Silver'),"
                    + " (3, 1, 'Gamma', 'Proposal', 1000, 'Berlin', NULL, '2025-12-31', '2025-12-31 23:30:00', 1, 'ann',"
                    + " NULL),"
                    + " (4, 1, 'Delta', 'Proposal', NULL, '', TRUE, '2026-03-31', '2026-03-29 01:30:00', NULL, 'bob', 'Gold'),"
                    + " (5, 1, 'Epsilon', 'Old', 7, NULL, FALSE, NULL, NULL, 3, 'ann', 'Gold'),"
                    + " (6, 1, 'Zeta', NULL, 1, 'Rome', TRUE, '2026-10-25', '2026-10-25 00:30:00', 99, 'Cy', ''),"
                    + " (7, 1, 'Eta', '', 10, 'Berlin', NULL, '2026-12-31', '2026-10-25 01:30:00', 2, 'ann', 'Bronze'),"
                    + " (8, 1, 'Theta', 'New', 50, 'Rome', TRUE, '2026-04-30', '2026-04-30 22:30:00', 3, 'ann', 'Silver'),"
                    + " (9, 1, 'Iota', 'Proposal', 0, 'Paris', FALSE, '2026-06-30', '2026-06-30 21:59:00', 1, 'bob', NULL)");
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO T_AGG_LOG VALUES (?, 1, ?, 'ann', NULL, NULL)")) {
            for (int i = 1; i <= Records.MAX_AGGREGATE_ROWS + 1; i++) {
                insert.setLong(1, i);
                insert.setString(2, "entry " + i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        catalog = new FieldCatalog(new ScopedDataSource(dataSource()), () -> "db/changelog/records.yaml");
        types = new RecordTypeRegistry();
        types.addType(DEAL);
        types.addType(FIRM);
        types.addType(LOG);
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    private static Records records(AccessControl access, ZoneId zone) {
        RecordsImpl records = new RecordsImpl(types, catalog, access, new NoAudit(), new Lifecycle(types));
        RegionalSettings regional = new RegionalSettings(zone, Locale.US);
        UserSettings settings = (UserSettings) Proxy.newProxyInstance(RecordAggregatesTest.class.getClassLoader(),
                new Class<?>[] {UserSettings.class}, (proxy, method, args) -> {
                    if (method.getName().equals("regional")) {
                        return regional;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        try {
            java.lang.reflect.Field field = RecordsImpl.class.getDeclaredField("settings");
            field.setAccessible(true);
            field.set(records, settings);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return records;
    }

    private static Records records(AccessControl access) {
        return records(access, BERLIN);
    }

    private static final RecordQuery ALL_ROWS = RecordQuery.page(0, 1);

    /** @return each row as "label/label=value/value", values as plain text, "-" for none */
    private static List<String> shown(List<AggregateRow> rows) {
        List<String> texts = new ArrayList<>();
        for (AggregateRow row : rows) {
            List<String> values = row.values().stream().map(v -> v == null ? "-" : v.toPlainString()).toList();
            texts.add(String.join("/", row.labels()) + "=" + String.join("/", values));
        }
        return texts;
    }

    private static List<String> counted(Records records, RecordQuery query, Grouping... groups) {
        return shown(records.aggregate("deal", query, List.of(groups), List.of(Measure.count())));
    }

    @Test
    void countsSumsAveragesMinimaAndMaximaPerPickListValueInTheAdminsOrderNoValueLast() {
        List<AggregateRow> rows = records(Access.ALL).aggregate("deal", ALL_ROWS, List.of(Grouping.by("stage")),
                List.of(Measure.count(), Measure.of(Aggregate.SUM, "amount"), Measure.of(Aggregate.AVG, "amount"),
                        Measure.of(Aggregate.MIN, "amount"), Measure.of(Aggregate.MAX, "amount"),
                        Measure.of(Aggregate.COUNT, "amount")));

        // Delta's amount is empty: the Proposal average is of two amounts; NULL and '' stages are one "none" row
        assertEquals(List.of("Proposal=3/1000/500/0/1000/2", "New=3/350.5/116.8333/50/200/3", "Old=1/7/7/7/7/1",
                "(none)=2/11/5.5/1/10/2"), shown(rows));
        assertEquals(List.of(Optional.of("Proposal")), rows.get(0).keys());
        assertEquals(List.of(Optional.empty()), rows.get(3).keys());
        assertEquals(List.of("(all)=9/1368.5"), shown(records(Access.ALL).aggregate("deal", ALL_ROWS, List.of(),
                List.of(Measure.count(), Measure.of(Aggregate.SUM, "amount")))).stream()
                .map(r -> "(all)" + r).toList());
    }

    @Test
    void twoUsersWithDifferentVisibilityGetTheirOwnFiguresUnderTheListsTextAndFilters() {
        assertEquals(List.of("Proposal=3", "New=3", "Old=1", "(none)=2"), counted(records(Access.ALL), ALL_ROWS,
                Grouping.by("stage")));
        assertEquals(List.of("Proposal=1", "New=2", "Old=1", "(none)=1"), counted(records(Access.ANNS), ALL_ROWS,
                Grouping.by("stage")));
        assertEquals(List.of(), counted(records(Access.NOBODYS), ALL_ROWS, Grouping.by("stage")));
        RecordQuery rome = ALL_ROWS.withFilters(List.of(Filter.of("city", FilterOp.EQUALS, "rome")));
        assertEquals(List.of("New=1", "(none)=1"), counted(records(Access.ALL), rome, Grouping.by("stage")));
        assertEquals(List.of("New=2", "(none)=2"), counted(records(Access.ALL), ALL_ROWS.withText("et"),
                Grouping.by("stage")));
        assertThrows(PermissionDeniedException.class, () -> counted(records(Access.NONE), ALL_ROWS,
                Grouping.by("stage")));
    }

    @Test
    void datesGroupByDayWeekMonthQuarterAndYearWithNoValueLast() {
        Records records = records(Access.ALL);
        assertEquals(List.of("2025=1", "2026=7", "(none)=1"), counted(records, ALL_ROWS,
                Grouping.by("closed", DateBucket.YEAR)));
        assertEquals(List.of("Q4 2025=1", "Q1 2026=3", "Q2 2026=2", "Q4 2026=2", "(none)=1"), counted(records,
                ALL_ROWS, Grouping.by("closed", DateBucket.QUARTER)));
        assertEquals(List.of("2025-12=1", "2026-01=1", "2026-02=1", "2026-03=1", "2026-04=1", "2026-06=1", "2026-10=1",
                "2026-12=1", "(none)=1"), counted(records, ALL_ROWS, Grouping.by("closed", DateBucket.MONTH)));
        // ISO weeks: Dec 31, 2025 is in 2026's first week; Saturday Jan 31 and Sunday Feb 1 share week 5; 2026 has 53
        assertEquals(List.of("2026-W01=1", "2026-W05=2", "2026-W14=1", "2026-W18=1", "2026-W27=1", "2026-W43=1",
                "2026-W53=1", "(none)=1"), counted(records, ALL_ROWS, Grouping.by("closed", DateBucket.WEEK)));
        List<AggregateRow> days = records.aggregate("deal", ALL_ROWS, List.of(Grouping.by("closed", DateBucket.DAY)),
                List.of(Measure.count()));
        assertEquals("Dec 31, 2025", days.get(0).labels().get(0));
        assertEquals(Optional.of("2025-12-31"), days.get(0).keys().get(0));
        assertEquals(9, days.size());
        List<AggregateRow> weeks = records.aggregate("deal", ALL_ROWS, List.of(Grouping.by("closed",
                DateBucket.WEEK)), List.of(Measure.count()));
        assertEquals(Optional.of("2025-12-29"), weeks.get(0).keys().get(0)); // the Monday
        assertEquals(Optional.of("2026-01-26"), weeks.get(1).keys().get(0));
    }

    @Test
    void dateTimesFallInTheCallersTimeZoneAcrossTheNewYearAndBothDaylightSavingChanges() {
        Grouping month = Grouping.by("seen", DateBucket.MONTH);
        assertEquals(List.of("2026-01=2", "2026-03=2", "2026-05=1", "2026-06=1", "2026-10=2", "(none)=1"),
                counted(records(Access.ALL, BERLIN), ALL_ROWS, month));
        assertEquals(List.of("2025-12=1", "2026-01=1", "2026-03=2", "2026-04=1", "2026-06=1", "2026-10=2", "(none)=1"),
                counted(records(Access.ALL, UTC), ALL_ROWS, month));
        assertEquals(List.of("Jan 1, 2026=1", "Jan 31, 2026=1", "Mar 29, 2026=2", "May 1, 2026=1", "Jun 30, 2026=1",
                "Oct 25, 2026=2", "(none)=1"), counted(records(Access.ALL, BERLIN), ALL_ROWS,
                        Grouping.by("seen", DateBucket.DAY)));
        assertEquals(List.of("2026=8", "(none)=1"), counted(records(Access.ALL, BERLIN), ALL_ROWS,
                Grouping.by("seen", DateBucket.YEAR)));
        assertEquals(List.of("2026-01-01", "2026-01-01"), List.of(
                records(Access.ALL, ZoneId.of("Asia/Kolkata")).aggregate("deal", ALL_ROWS, List.of(Grouping.by("seen",
                        DateBucket.YEAR)), List.of(Measure.count())).get(0).keys().get(0).orElseThrow(),
                records(Access.ALL, ZoneId.of("America/Los_Angeles")).aggregate("deal", ALL_ROWS, List.of(
                        Grouping.by("seen", DateBucket.YEAR)), List.of(Measure.count())).get(1).keys().get(0)
                        .orElseThrow()));
    }

    @Test
    void aDateTimesDayInTheCallersZoneIsReadFromTheRangeOfUtcTimesOfDayItFallsIn() {
        // Berlin's day starts at 23:00 UTC in winter and 22:00 in summer; its changes (01:00 UTC) leave the day alone
        assertEquals(List.of("00:00", "22:00", "23:00"), Aggregation.ranges(BERLIN).stream().map(Object::toString)
                .toList());
        assertEquals(List.of("00:00"), Aggregation.ranges(UTC).stream().map(Object::toString).toList());
        assertEquals(List.of("00:00", "07:00", "08:00"), Aggregation.ranges(ZoneId.of("America/Los_Angeles")).stream()
                .map(Object::toString).toList());
        assertEquals(List.of("00:00", "18:30"), Aggregation.ranges(ZoneId.of("Asia/Kolkata")).stream()
                .map(Object::toString).toList());
    }

    @Test
    void twoGroupingsNestTheSecondInTheFirst() {
        assertEquals(List.of("Proposal/2026-01=1", "Proposal/2026-03=1", "Proposal/2026-06=1", "New/2026-01=1",
                "New/2026-03=1", "New/2026-05=1", "Old/(none)=1", "(none)/2026-10=2"), counted(records(Access.ALL),
                        ALL_ROWS, Grouping.by("stage"), Grouping.by("seen", DateBucket.MONTH)));
    }

    @Test
    void lookupsGroupByTheRecordTitledAsTheCallerMaySeeItOrByAFieldOfTheLookedUpRecord() {
        assertEquals(List.of("Acme=3", "Bolt=2", "Crux=2", "Firm #99=1", "(none)=1"), counted(records(Access.ALL),
                ALL_ROWS, Grouping.by("firm")));
        // ann sees only her firm: the others are neutral names
        assertEquals(List.of("Acme=2", "Firm #2=1", "Firm #3=2"), counted(records(Access.ANNS), ALL_ROWS,
                Grouping.by("firm")));
        // Crux has no industry; firm 99 does not exist; Delta has no firm
        assertEquals(List.of("Energy=2", "Retail=3", "(none)=4"), counted(records(Access.ALL), ALL_ROWS,
                Grouping.by("firm.industry")));
        // a firm ann does not see gives nothing away: its deals have no industry for her
        assertEquals(List.of("Retail=2", "(none)=3"), counted(records(Access.ANNS), ALL_ROWS,
                Grouping.by("firm.industry")));
        ValidationException hidden = assertThrows(ValidationException.class, () -> counted(records(Access.NO_FIRMS),
                ALL_ROWS, Grouping.by("firm.industry")));
        assertEquals("firm.industry", hidden.errors().get(0).field());
        assertEquals(List.of(1L, 3L, 9L), records(Access.ALL).ids("deal", org.tesseracrm.kernel.api.record
                .RecordSelection.matching(ALL_ROWS.withFilters(List.of(Filter.of("firm.industry", FilterOp.IN,
                        "Retail"))))).stream().sorted().toList());
        assertEquals(List.of("Retail=1000"), shown(records(Access.ALL).aggregate("deal", ALL_ROWS.withFilters(List.of(
                Filter.of("firm.industry", FilterOp.IN, "Retail"))), List.of(Grouping.by("firm.industry")),
                List.of(Measure.of(Aggregate.MAX, "amount")))));
    }

    @Test
    void aClickedRowsListIsSavedAsAViewWithItsFilterOnTheLookedUpRecord() {
        SavedViewsImpl views = new SavedViewsImpl(types, catalog, Access.ALL);
        List<Filter> clicked = records(Access.ALL).aggregateFilters("deal", List.of(Grouping.by("firm.industry")),
                List.of(Optional.of("Retail")));
        views.save(new org.tesseracrm.kernel.api.record.SavedView("deal", "Retail deals", "", false, "", clicked,
                List.of(), List.of()));
        assertEquals(clicked, views.list("deal").stream().filter(v -> v.name().equals("Retail deals")).findFirst()
                .orElseThrow().filters());
        assertEquals("firm.industry", assertThrows(ValidationException.class, () -> new SavedViewsImpl(types, catalog,
                Access.NO_FIRMS).save(new org.tesseracrm.kernel.api.record.SavedView("deal", "Theirs", "", false, "",
                        clicked, List.of(), List.of()))).errors().get(0).field());
    }

    @Test
    void customPickListsTextsAndYesNoGroupToo() {
        Records records = records(Access.ALL);
        assertEquals(List.of("Gold=3", "Silver=2", "Bronze=1", "(none)=3"), counted(records, ALL_ROWS,
                Grouping.by("cf_segment")));
        // texts group ignoring case, labelled as one of them is written
        assertEquals(List.of("Berlin=2", "Paris=3", "Rome=2", "(none)=2"), counted(records, ALL_ROWS,
                Grouping.by("city")));
        assertEquals(List.of("No=3", "Yes=4", "(none)=2"), counted(records, ALL_ROWS, Grouping.by("won")));
        assertEquals(List.of("ann=5", "bob=3", "Cy=1"), counted(records, ALL_ROWS, Grouping.by("owner")));
        assertEquals(List.of("0=1", "1=1", "7=1", "10=1", "50=1", "100.5=1", "200=1", "1000=1", "(none)=1"),
                counted(records, ALL_ROWS, Grouping.by("amount")));
    }

    @Test
    void minimaAndMaximaOfDatesAreEpochDaysAndOfDateTimesEpochMilliseconds() {
        List<AggregateRow> rows = records(Access.ALL).aggregate("deal", ALL_ROWS, List.of(), List.of(
                Measure.of(Aggregate.MIN, "closed"), Measure.of(Aggregate.MAX, "seen")));
        assertEquals(BigDecimal.valueOf(java.time.LocalDate.of(2025, 12, 31).toEpochDay()), rows.get(0).values().get(0));
        assertEquals(BigDecimal.valueOf(java.time.Instant.parse("2026-10-25T01:30:00Z").toEpochMilli()),
                rows.get(0).values().get(1));
        assertEquals(List.of("Old=-"), shown(records(Access.ALL).aggregate("deal", ALL_ROWS.withFilters(List.of(
                Filter.of("stage", FilterOp.IN, "Old"))), List.of(Grouping.by("stage")), List.of(
                        Measure.of(Aggregate.MIN, "seen")))));
    }

    @Test
    void everyRowsFiltersCountExactlyItsRecords() {
        List<List<Grouping>> reports = new ArrayList<>();
        for (DateBucket bucket : DateBucket.values()) {
            reports.add(List.of(Grouping.by("seen", bucket)));
            reports.add(List.of(Grouping.by("closed", bucket), Grouping.by("stage")));
        }
        for (String field : List.of("stage", "cf_segment", "city", "won", "owner", "amount", "firm", "firm.industry")) {
            reports.add(List.of(Grouping.by(field), Grouping.by("seen", DateBucket.MONTH)));
        }
        reports.add(List.of());
        int checked = 0;
        for (TestCaller access : List.of(Access.ALL, Access.ANNS)) {
            for (ZoneId zone : List.of(BERLIN, UTC, ZoneId.of("America/Los_Angeles"), ZoneId.of("Asia/Kolkata"))) {
                Records records = records(access, zone);
                RecordQuery query = ALL_ROWS.withFilters(List.of(new Filter("name", FilterOp.NOT_EQUALS,
                        List.of("Beta")))).withSort(List.of(new SortOrder("name", true)));
                for (List<Grouping> groups : reports) {
                    for (AggregateRow row : records.aggregate("deal", query, groups, List.of(Measure.count()))) {
                        List<Filter> filters = new ArrayList<>(query.filters());
                        filters.addAll(records.aggregateFilters("deal", groups, row.keys()));
                        assertEquals(row.values().get(0).longValue(), records.count("deal", query.withFilters(filters),
                                100), access + " " + zone + " " + groups + " " + row);
                        assertEquals(row.values().get(0).intValue(), records.page("deal", query.withFilters(filters)
                                .withPage(0, 100)).size());
                        checked++;
                    }
                }
            }
        }
        assertTrue(checked > 300, "rows checked: " + checked);
    }

    @Test
    void whatCannotBeComputedIsRefusedWithAMessageNamingTheField() {
        Records records = records(Access.ALL);
        assertEquals("groups", refused(records, List.of(Grouping.by("stage"), Grouping.by("won"), Grouping.by("city")),
                List.of(Measure.count())));
        assertEquals("closed", refused(records, List.of(Grouping.by("closed")), List.of(Measure.count())));
        assertEquals("stage", refused(records, List.of(Grouping.by("stage", DateBucket.MONTH)), List.of(Measure.count())));
        assertEquals("note", refused(records, List.of(Grouping.by("note")), List.of(Measure.count())));
        assertEquals("nope", refused(records, List.of(Grouping.by("nope")), List.of(Measure.count())));
        assertEquals("stage.name", refused(records, List.of(Grouping.by("stage.name")), List.of(Measure.count())));
        assertEquals("firm.nope", refused(records, List.of(Grouping.by("firm.nope")), List.of(Measure.count())));
        assertEquals("name", refused(records, List.of(), List.of(Measure.of(Aggregate.SUM, "name"))));
        assertEquals("city", refused(records, List.of(), List.of(Measure.of(Aggregate.MAX, "city"))));
        assertEquals("measures", refused(records, List.of(), List.of()));
        List<Measure> eleven = new ArrayList<>();
        for (int i = 0; i <= Records.MAX_MEASURES; i++) {
            eleven.add(Measure.count());
        }
        assertEquals("measures", refused(records, List.of(), eleven));
        ValidationException many = assertThrows(ValidationException.class, () -> records.aggregate("log", ALL_ROWS,
                List.of(Grouping.by("name")), List.of(Measure.count())));
        assertTrue(many.errors().get(0).message().contains("more than 5,000 rows"), many.errors().get(0).message());
        assertEquals(1, records.aggregate("log", ALL_ROWS.withText("entry 5001"), List.of(Grouping.by("name")),
                List.of(Measure.count())).size());
        assertEquals("keys", assertThrows(ValidationException.class, () -> records.aggregateFilters("deal",
                List.of(Grouping.by("stage")), List.of())).errors().get(0).field());
        assertEquals("closed", assertThrows(ValidationException.class, () -> records.aggregateFilters("deal",
                List.of(Grouping.by("closed", DateBucket.DAY)), List.of(Optional.of("May")))).errors().get(0).field());
    }

    private static String refused(Records records, List<Grouping> groups, List<Measure> measures) {
        return assertThrows(ValidationException.class, () -> records.aggregate("deal", ALL_ROWS, groups, measures))
                .errors().get(0).field();
    }

    private static Connection connect() throws SQLException {
        return URL.startsWith("jdbc:postgresql:") ? DriverManager.getConnection(URL, "tessera", "tessera")
                : DriverManager.getConnection(URL);
    }

    private static DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(RecordAggregatesTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return connect();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Callers: every record, only ann's, nobody's, every deal but no firms, no deals. */
    private static final class Access {
        static final TestCaller ALL = new TestCaller("all", Set.of("deals.view", "firms.view"),
                new Visibility(true, Set.of()));
        static final TestCaller ANNS = new TestCaller("anns", Set.of("deals.view", "firms.view"),
                new Visibility(false, Set.of("ann")));
        static final TestCaller NOBODYS = new TestCaller("nobodys", Set.of("deals.view", "firms.view"),
                new Visibility(false, Set.of()));
        static final TestCaller NO_FIRMS = new TestCaller("nofirms", Set.of("deals.view"), new Visibility(true, Set.of()));
        static final TestCaller NONE = new TestCaller("none", Set.of(), new Visibility(true, Set.of()));
    }

    /** A record type over a test table, titled by its name, searched in it. */
    private record SimpleType(String id, String moduleId, String label, String table, List<FieldDefinition> fields)
            implements RecordType {
        @Override
        public String pluralLabel() {
            return label + "s";
        }

        @Override
        public List<String> titleFields() {
            return List.of("name");
        }

        @Override
        public List<String> searchFields() {
            return List.of("name");
        }

        @Override
        public List<SortOrder> defaultSort() {
            return List.of(new SortOrder("name", true));
        }
    }
}
