package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.Visibility;

/** Runs the translated SQL on an in-memory Derby, so a wrong condition shows up as wrong rows. */
class RecordSqlTest {
    private static final Visibility ALL = new Visibility(true, Set.of());
    private static final List<FieldDefinition> FIELDS = new ArrayList<>();
    private static RecordSql sql;
    private static Connection db;

    @BeforeAll
    static void createPeople() throws SQLException {
        db = DriverManager.getConnection("jdbc:derby:memory:records;create=true");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE T_PERSON (ID BIGINT PRIMARY KEY, VERSION BIGINT NOT NULL, NAME VARCHAR(100) NOT NULL,"
                    + " EMAIL VARCHAR(254) NOT NULL, OWNER VARCHAR(100) NOT NULL, CF_SEGMENT VARCHAR(100),"
                    + " CF_SCORE DECIMAL(19,4), CF_RENEWAL DATE, CF_SEEN TIMESTAMP, CF_VIP BOOLEAN, CF_TAGS VARCHAR(1000))");
            s.execute("INSERT INTO T_PERSON VALUES"
                    + " (1, 0, 'Ada Lovelace', 'ada@example.org', 'ann', 'Enterprise', 990, '2027-01-15',"
                    + "  '2026-11-23 09:30:00', TRUE, '|VIP|Partner|'),"
                    + " (2, 0, 'Alan Turing', 'alan@example.org', 'bob', 'SMB', 12.5, '2026-12-01',"
                    + "  '2026-11-22 23:59:00', FALSE, '|Partner|'),"
                    + " (3, 0, 'Grace Hopper', '', 'ann', NULL, NULL, NULL, NULL, NULL, NULL),"
                    + " (4, 0, '100% Effort_Ltd', 'x@example.org', 'bob', 'SMB', -3, '2026-11-23',"
                    + "  '2026-11-24 00:00:00', TRUE, '|VIP|')");
        }
        PeopleType type = new PeopleType();
        FIELDS.addAll(type.fields());
        FIELDS.addAll(PeopleType.CUSTOM);
        sql = new RecordSql(type, FIELDS);
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void aSortThatBeginsTheDefaultOrderIsCompletedToItSoItsIndexServesItEitherWay() {
        PeopleType people = new PeopleType();
        RecordType type = (RecordType) Proxy.newProxyInstance(RecordSqlTest.class.getClassLoader(),
                new Class<?>[] {RecordType.class}, (proxy, method, args) -> method.getName().equals("defaultSort")
                        ? List.of(new SortOrder("name", true), new SortOrder("email", true))
                        : method.invoke(people, args));
        RecordSql byNameThenEmail = new RecordSql(type, FIELDS);
        List<SortOrder> usual = List.of(new SortOrder("name", true), new SortOrder("email", true));
        assertEquals(usual, byNameThenEmail.sortKeys(List.of()));
        assertEquals(usual, byNameThenEmail.sortKeys(List.of(new SortOrder("name", true))));
        assertEquals(List.of(new SortOrder("name", false), new SortOrder("email", false)),
                byNameThenEmail.sortKeys(List.of(new SortOrder("name", false))));
        List<SortOrder> other = List.of(new SortOrder("email", true));
        assertEquals(other, byNameThenEmail.sortKeys(other), "another field keeps its own index (field, id)");
        List<SortOrder> mixed = List.of(new SortOrder("name", true), new SortOrder("email", false));
        assertEquals(mixed, byNameThenEmail.sortKeys(mixed));
    }

    @Test
    void emptyPredefinedTextAndYesNoValuesAreStoredAsBlankAndNoButCustomOnesAsNull() {
        FieldDefinition done = FieldDefinition.predefined("done", "Done", FieldType.BOOLEAN, "DONE", false, 0);
        FieldDefinition city = FieldDefinition.predefined("city", "City", FieldType.TEXT, "CITY", false, 100);
        FieldDefinition vip = new FieldDefinition("cf_vip", "VIP", FieldType.BOOLEAN, false, 0, true, "CF_VIP", true,
                java.util.Optional.empty());
        assertEquals(Boolean.FALSE, RecordSql.toColumn(done, null));
        assertEquals("", RecordSql.toColumn(city, null));
        assertTrue(RecordSql.toColumn(vip, null) instanceof Sql.Null);
        assertEquals(Boolean.TRUE, RecordSql.toColumn(done, Boolean.TRUE));
    }

    @Test
    void sortsByDefaultOrderWithIdLast() throws SQLException {
        assertEquals(List.of(4L, 1L, 2L, 3L), ids(RecordQuery.page(0, 50)));
    }

    @Test
    void sortsByACustomFieldDescending() throws SQLException {
        assertEquals(List.of(3L, 1L, 2L, 4L),
                ids(RecordQuery.page(0, 50).withSort(List.of(new SortOrder("cf_score", false)))));
    }

    @Test
    void slicesOneRowAtATimeInTheOrderOfEveryColumnType() throws SQLException {
        for (String field : List.of("cf_vip", "cf_renewal", "cf_seen", "cf_segment", "cf_score", "email")) {
            for (boolean ascending : List.of(true, false)) {
                RecordQuery query = RecordQuery.page(0, 1).withSort(List.of(new SortOrder(field, ascending)));
                List<Long> walked = new ArrayList<>();
                java.util.Optional<Keyset> after = java.util.Optional.empty();
                do {
                    RecordSql.Slice slice = sql.slice(db, query, ALL, after);
                    slice.rows().forEach(row -> walked.add(row.id()));
                    after = slice.next();
                } while (after.isPresent());
                assertEquals(ids(query.withPage(0, 50)), walked, field + (ascending ? " ascending" : " descending"));
            }
        }
    }

    @Test
    void theRowsAfterAKeysetAreRangesOfEqualLeadingKeysAndOneRangeMostTiedFirst() {
        List<Sql> ascending = sql.ranges(List.of(new SortOrder("name", true), new SortOrder("cf_score", false)),
                new Keyset(java.util.Arrays.asList("Ada", new BigDecimal("2")), 4));
        assertEquals(List.of("NAME = ? AND CF_SCORE = ? AND ID > ?", "NAME = ? AND CF_SCORE < ?", "NAME > ?",
                "NAME IS NULL"), ascending.stream().map(Sql::text).toList());
        assertEquals(List.of("Ada", new BigDecimal("2"), 4L), ascending.get(0).params());
        assertEquals(List.of("Ada", new BigDecimal("2")), ascending.get(1).params());
        List<Sql> nulls = sql.ranges(List.of(new SortOrder("cf_score", false), new SortOrder("email", true)),
                new Keyset(java.util.Arrays.asList(null, "x@example.org"), 4));
        assertEquals(List.of("CF_SCORE IS NULL AND EMAIL = ? AND ID < ?", "CF_SCORE IS NULL AND EMAIL > ?",
                "CF_SCORE IS NULL AND EMAIL IS NULL", "CF_SCORE IS NOT NULL"), nulls.stream().map(Sql::text).toList());
        assertEquals(List.of("ID > ?"), sql.ranges(List.of(), new Keyset(List.of(), 4)).stream().map(Sql::text).toList());
    }

    @Test
    void pagesWithOffsetAndLimit() throws SQLException {
        assertEquals(List.of(1L, 2L), ids(RecordQuery.page(1, 2)));
    }

    @Test
    void searchTreatsWildcardsAsText() throws SQLException {
        assertEquals(List.of(4L), ids(RecordQuery.page(0, 50).withText("100%")));
        assertEquals(List.of(4L), ids(RecordQuery.page(0, 50).withText("t_l")));
        assertEquals(List.of(4L, 1L, 2L), ids(RecordQuery.page(0, 50).withText("@EXAMPLE")));
    }

    @Test
    void containsEqualsAndNotEqualsIgnoreCaseOnText() throws SQLException {
        assertEquals(List.of(2L), ids(filtered(Filter.of("name", FilterOp.CONTAINS, "TURING"))));
        assertEquals(List.of(3L), ids(filtered(Filter.of("name", FilterOp.EQUALS, "grace hopper"))));
        assertEquals(List.of(4L, 1L, 2L), ids(filtered(Filter.of("name", FilterOp.NOT_EQUALS, "Grace Hopper"))));
    }

    @Test
    void notEqualsKeepsRecordsWithoutValue() throws SQLException {
        assertEquals(List.of(4L, 2L, 3L), ids(filtered(Filter.of("cf_segment", FilterOp.NOT_EQUALS, "Enterprise"))));
    }

    @Test
    void emptyCoversNullAndBlank() throws SQLException {
        assertEquals(List.of(3L), ids(filtered(new Filter("email", FilterOp.EMPTY, List.of()))));
        assertEquals(List.of(3L), ids(filtered(new Filter("cf_score", FilterOp.EMPTY, List.of()))));
        assertEquals(List.of(4L, 1L, 2L), ids(filtered(new Filter("cf_segment", FilterOp.NOT_EMPTY, List.of()))));
    }

    @Test
    void numberRangesIncludeBothBoundsAndMayBeOpen() throws SQLException {
        assertEquals(List.of(1L, 2L), ids(filtered(new Filter("cf_score", FilterOp.BETWEEN, List.of("12.5", "990")))));
        assertEquals(List.of(4L, 2L), ids(filtered(new Filter("cf_score", FilterOp.BETWEEN, List.of("", "12.5")))));
    }

    @Test
    void dateTimeRangeWithDatesCoversWholeDays() throws SQLException {
        assertEquals(List.of(1L), ids(filtered(new Filter("cf_seen", FilterOp.BETWEEN,
                List.of("2026-11-23", "2026-11-23")))));
        assertEquals(List.of(1L, 2L), ids(filtered(new Filter("cf_seen", FilterOp.BETWEEN,
                List.of("2026-11-22 12:00", "2026-11-23")))));
    }

    @Test
    void dateRangeAndBooleanEquality() throws SQLException {
        assertEquals(List.of(4L, 2L), ids(filtered(new Filter("cf_renewal", FilterOp.BETWEEN,
                List.of("2026-11-23", "2026-12-31")))));
        assertEquals(List.of(4L, 1L), ids(filtered(Filter.of("cf_vip", FilterOp.EQUALS, "yes"))));
    }

    @Test
    void pickListInAndMultiPickListHasAny() throws SQLException {
        assertEquals(List.of(4L, 1L, 2L), ids(filtered(new Filter("cf_segment", FilterOp.IN,
                List.of("SMB", "Enterprise")))));
        assertEquals(List.of(4L, 1L), ids(filtered(new Filter("cf_tags", FilterOp.IN, List.of("VIP")))));
        assertEquals(List.of(1L, 2L), ids(filtered(new Filter("cf_tags", FilterOp.IN, List.of("Partner")))));
    }

    @Test
    void filtersCombineWithSearchAndVisibility() throws SQLException {
        RecordQuery query = RecordQuery.page(0, 50).withText("example")
                .withFilters(List.of(Filter.of("cf_vip", FilterOp.EQUALS, "true")));
        assertEquals(List.of(1L), ids(query, new Visibility(false, Set.of("ann"))));
        assertEquals(List.of(), ids(RecordQuery.page(0, 50), new Visibility(false, Set.of())));
    }

    @Test
    void readsTypedValues() throws SQLException {
        RecordRow ada = rows(filtered(Filter.of("name", FilterOp.EQUALS, "Ada Lovelace")), ALL).get(0);
        assertEquals(new BigDecimal("990"), ada.values().get("cf_score"));
        assertEquals(LocalDate.of(2027, 1, 15), ada.values().get("cf_renewal"));
        assertEquals(Boolean.TRUE, ada.values().get("cf_vip"));
        assertEquals(List.of("VIP", "Partner"), ada.values().get("cf_tags"));
        RecordRow grace = rows(filtered(Filter.of("name", FilterOp.EQUALS, "Grace Hopper")), ALL).get(0);
        assertFalse(grace.values().containsKey("email"), "blank text reads as no value");
        assertFalse(grace.values().containsKey("cf_vip"));
    }

    @Test
    void boundedCountStopsAtTheBound() throws SQLException {
        assertEquals(4, count(RecordQuery.page(0, 1), 10));
        assertEquals(2, count(RecordQuery.page(0, 1), 2));
        assertEquals(1, count(filtered(Filter.of("cf_vip", FilterOp.EQUALS, "no")).withText("a"), 10));
    }

    @Test
    void refusesUnknownFieldsOperatorsThatDoNotFitAndBadValues() {
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> sql.select(filtered(Filter.of("salary", FilterOp.EQUALS, "1")), ALL, true));
        assertEquals("People have no field \"salary\"", unknown.errors().get(0).message());
        assertThrows(ValidationException.class,
                () -> sql.select(filtered(Filter.of("cf_score", FilterOp.CONTAINS, "9")), ALL, true));
        ValidationException bad = assertThrows(ValidationException.class,
                () -> sql.select(filtered(Filter.of("cf_score", FilterOp.EQUALS, "lots"))
                        .withFilters(List.of(Filter.of("cf_score", FilterOp.EQUALS, "lots"),
                                Filter.of("cf_renewal", FilterOp.EQUALS, "tomorrow"))), ALL, true));
        assertEquals(2, bad.errors().size(), "every bad filter is reported at once");
        assertThrows(ValidationException.class,
                () -> sql.select(RecordQuery.page(0, 5).withSort(List.of(new SortOrder("cf_tags", true))), ALL, true));
    }

    @Test
    void valuesNeverReachTheSqlText() {
        String text = sql.select(filtered(Filter.of("name", FilterOp.EQUALS, "x' OR '1'='1")).withText("'; DROP"),
                ALL, true).text();
        assertFalse(text.contains("DROP") || text.contains("OR '1'"), text);
        assertTrue(text.contains("LOWER(NAME) = ?"), text);
    }

    @Test
    void keyLookupMatchesWholeTuplesExactlyAndOnlyVisibleOwners() throws SQLException {
        FieldDefinition email = FIELDS.get(1);
        FieldDefinition segment = FIELDS.stream().filter(f -> f.name().equals("cf_segment")).findFirst().orElseThrow();
        List<List<Object>> tuples = List.of(List.of("ada@example.org", "Enterprise"), List.of("alan@example.org", "SMB"),
                List.of("x@example.org", "Enterprise"));
        assertEquals(List.of(1L, 2L), byKeys(List.of(email, segment), tuples, ALL));
        assertEquals(List.of(2L), byKeys(List.of(email, segment), tuples, new Visibility(false, Set.of("bob"))));
        assertEquals(List.of(), byKeys(List.of(email), List.of(List.of("ADA@example.org")), ALL));
    }

    @Test
    void idLookupReturnsOnlyVisibleRecordsInDefaultOrder() throws SQLException {
        assertEquals(List.of(1L, 3L), ids(sql.byIds(List.of(3L, 1L, 99L), ALL)), "sorted by name, unknown ids ignored");
        assertEquals(List.of(), ids(sql.byIds(List.of(1L), new Visibility(false, Set.of("bob")))), "ada is not bob's");
    }

    @Test
    void duplicateMatchingFindsAnyEqualFieldIgnoringCaseExceptTheRecordItself() throws SQLException {
        FieldDefinition name = FIELDS.get(0);
        FieldDefinition email = FIELDS.get(1);
        Map<FieldDefinition, Object> typed = new LinkedHashMap<>();
        typed.put(email, "ADA@Example.org"); // case does not matter
        typed.put(name, "alan turing");
        assertEquals(List.of(1L, 2L), ids(sql.anyEqual(typed, 0, ALL, 10)));
        assertEquals(List.of(2L), ids(sql.anyEqual(typed, 1, ALL, 10)), "the record being edited is no duplicate");
        assertEquals(List.of(1L), ids(sql.anyEqual(typed, 0, new Visibility(false, Set.of("ann")), 10)));
        assertEquals(List.of(1L), ids(sql.anyEqual(typed, 0, ALL, 1)), "bounded");
        assertEquals(List.of(), ids(sql.anyEqual(Map.of(name, "Ada"), 0, ALL, 10)), "equal, not contained");
    }

    private static List<Long> ids(Sql select) throws SQLException {
        return sql.rows(db, select).stream().map(RecordRow::id).toList();
    }

    private static List<Long> byKeys(List<FieldDefinition> keys, List<List<Object>> tuples, Visibility visible)
            throws SQLException {
        Sql select = sql.byKeys(keys, tuples, visible);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(select.text() + " ORDER BY ID")) {
            select.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(sql.read(rs).id());
                }
            }
        }
        return ids;
    }

    private static RecordQuery filtered(Filter filter) {
        return RecordQuery.page(0, 50).withFilters(List.of(filter));
    }

    private static List<Long> ids(RecordQuery query) throws SQLException {
        return ids(query, ALL);
    }

    private static List<Long> ids(RecordQuery query, Visibility visible) throws SQLException {
        return rows(query, visible).stream().map(RecordRow::id).toList();
    }

    private static List<RecordRow> rows(RecordQuery query, Visibility visible) throws SQLException {
        Sql select = sql.select(query, visible, true);
        List<RecordRow> rows = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(select.text())) {
            select.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(sql.read(rs));
                }
            }
        }
        return rows;
    }

    private static long count(RecordQuery query, long atMost) throws SQLException {
        Sql count = sql.count(query, ALL, atMost);
        try (PreparedStatement s = db.prepareStatement(count.text())) {
            count.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
