package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SharedRows;
import org.tesseracrm.kernel.api.security.Visibility;
import org.tesseracrm.kernel.records.internal.SearchSql.Dialect;

/**
 * A type sharing its published rows ({@link RecordType#sharedRows}): every read the platform builds (list, count,
 * single and id reads, duplicate and key look-ups, the global search) shows the shared rows to every viewer and the
 * others only under owner visibility, or not at all when the type hides them from the caller. Run on Derby.
 */
class SharedRowsSqlTest {
    private static final Visibility ALL = new Visibility(true, Set.of());
    private static final Visibility ANNS = new Visibility(false, Set.of("ann"));
    private static final Visibility NOBODYS = new Visibility(false, Set.of());
    private static final FieldDefinition STATUS = FieldDefinition.predefined("status", "Status", FieldType.PICKLIST,
            "STATUS", true, 40);
    private static Connection db;

    @BeforeAll
    static void createArticles() throws SQLException {
        db = DriverManager.getConnection("jdbc:derby:memory:shared-rows;create=true");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE T_PERSON (ID BIGINT PRIMARY KEY, VERSION BIGINT NOT NULL, NAME VARCHAR(100) NOT NULL,"
                    + " EMAIL VARCHAR(254) NOT NULL, OWNER VARCHAR(100) NOT NULL, STATUS VARCHAR(40) NOT NULL)");
            s.execute("INSERT INTO T_PERSON VALUES (1, 0, 'Ada draft', 'a@example.org', 'ann', 'Draft'),"
                    + " (2, 0, 'Ada published', 'b@example.org', 'ann', 'Published'),"
                    + " (3, 0, 'Bob draft', 'c@example.org', 'bob', 'Draft'),"
                    + " (4, 0, 'Bob published', 'd@example.org', 'bob', 'Published')");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void aCallerWhoSeesTheOthersGetsTheirOwnersRowsAndEverySharedOne() throws SQLException {
        RecordSql sql = sql(shared(true));
        assertEquals(List.of(1L, 2L, 4L), list(sql, ANNS));
        assertEquals(List.of(2L, 4L), list(sql, NOBODYS), "no owner visible: the shared rows still are");
        assertEquals(List.of(1L, 2L, 3L, 4L), list(sql, ALL));
        assertEquals(3, count(sql, ANNS));
        assertEquals(List.of(4L), ids(sql, sql.byId(4, ANNS)), "bob's published row reads singly");
        assertEquals(List.of(), ids(sql, sql.byId(3, ANNS)), "bob's draft does not");
        assertEquals(List.of(1L, 4L), ids(sql, sql.byIds(List.of(1L, 3L, 4L), ANNS)));
    }

    @Test
    void aCallerFromWhomTheOthersAreHiddenGetsOnlySharedRowsWhateverTheirOwner() throws SQLException {
        RecordSql sql = sql(shared(false));
        assertEquals(List.of(2L, 4L), list(sql, ALL), "seeing every owner does not show drafts");
        assertEquals(List.of(2L, 4L), list(sql, ANNS), "not even the caller's own");
        assertEquals(2, count(sql, ALL));
        assertEquals(List.of(), ids(sql, sql.byId(1, ALL)));
        assertEquals(List.of(2L), ids(sql, sql.byIds(List.of(1L, 2L), ANNS)));
    }

    @Test
    void lookUpsAndDuplicatesFollowTheRule() throws SQLException {
        RecordSql sql = sql(shared(false));
        FieldDefinition email = new PeopleType().fields().get(1);
        assertEquals(List.of(2L), ids(sql, sql.anyEqual(Map.of(email, "b@example.org"), 0, ALL, 10)));
        assertEquals(List.of(), ids(sql, sql.anyEqual(Map.of(email, "a@example.org"), 0, ALL, 10)), "a draft");
        assertEquals(List.of(4L), ids(sql, sql.byKeys(List.of(email), List.of(List.of("c@example.org"),
                List.of("d@example.org")), ALL)));
    }

    @Test
    void theGlobalSearchFindsSharedRowsOfOtherOwners() throws SQLException {
        FieldDefinition name = new PeopleType().fields().get(0);
        assertEquals(List.of(4L), searched(shared(true), name, "bob", ANNS), "bob's published, not his draft");
        assertEquals(List.of(1L, 2L), searched(shared(true), name, "ada", ANNS));
        assertEquals(List.of(2L), searched(shared(false), name, "ada", ANNS));
        assertEquals(List.of(4L), searched(shared(false), name, "bob", ALL));
    }

    @Test
    void noSharedValueAndNoOthersShowsNothingAndWithoutARuleOwnersAloneCount() throws SQLException {
        assertEquals(List.of(), list(sql(type(Optional.of(new SharedRows("status", Set.of(), false)))), ALL));
        assertEquals(List.of(1L, 2L), list(sql(type(Optional.of(new SharedRows("status", Set.of(), true)))), ANNS));
        assertEquals(List.of(1L, 2L), list(sql(type(Optional.empty())), ANNS));
    }

    @Test
    void aRuleOnAnUnknownFieldIsABug() {
        RecordType broken = type(Optional.of(new SharedRows("stage", Set.of("Published"), true)));
        assertThrows(IllegalStateException.class, () -> sql(broken).byId(1, ANNS));
    }

    @Test
    void theSharedValuesAreBoundNotWritten() {
        RecordType type = type(Optional.of(new SharedRows("status", Set.of("x' OR '1'='1"), true)));
        Sql byId = sql(type).byId(1, ANNS);
        assertEquals("SELECT ID, VERSION, NAME, EMAIL, OWNER, STATUS FROM T_PERSON WHERE ID = ? AND (OWNER IN (?)"
                + " OR STATUS IN (?))", byId.text());
        assertEquals(List.of(1L, "ann", "x' OR '1'='1"), byId.params());
    }

    private static RecordType shared(boolean othersVisible) {
        return type(Optional.of(new SharedRows("status", Set.of("Published"), othersVisible)));
    }

    private static RecordType type(Optional<SharedRows> rule) {
        return new SearchSqlTest.Delegating(new PeopleType()) {
            @Override
            public List<FieldDefinition> fields() {
                List<FieldDefinition> fields = new ArrayList<>(super.fields());
                fields.add(STATUS);
                return fields;
            }

            @Override
            public Optional<SharedRows> sharedRows() {
                return rule;
            }
        };
    }

    private static RecordSql sql(RecordType type) {
        return new RecordSql(type, type.fields());
    }

    private static List<Long> list(RecordSql sql, Visibility visible) throws SQLException {
        return ids(sql, sql.select(RecordQuery.page(0, 50).withSort(List.of(
                new org.tesseracrm.kernel.api.record.SortOrder("email", true))), visible, true));
    }

    private static long count(RecordSql sql, Visibility visible) throws SQLException {
        Sql count = sql.count(RecordQuery.page(0, 50), visible, 100);
        try (PreparedStatement s = db.prepareStatement(count.text())) {
            count.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static List<Long> ids(RecordSql sql, Sql select) throws SQLException {
        return sql.rows(db, select).stream().map(RecordRow::id).sorted().toList();
    }

    private static List<Long> searched(RecordType type, FieldDefinition field, String prefix, Visibility visible)
            throws SQLException {
        Sql select = SearchSql.ids(Dialect.DERBY, type, field, false, prefix, visible, 10);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(select.text())) {
            select.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids.stream().sorted().toList();
    }
}
