package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.Visibility;
import org.tesseracrm.kernel.records.internal.SearchSql.Dialect;

/** Runs the global search's SQL on an in-memory Derby: the index it creates, the rows it finds and the plan. */
class SearchSqlTest {
    private static final Visibility ALL = new Visibility(true, Set.of());
    private static final PeopleType TYPE = new PeopleType();
    private static final FieldDefinition NAME = TYPE.fields().get(0);
    private static final FieldDefinition EMAIL = TYPE.fields().get(1);
    private static Connection db;

    @BeforeAll
    static void createPeople() throws SQLException {
        db = DriverManager.getConnection("jdbc:derby:memory:search-sql;create=true");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE T_PERSON (ID BIGINT PRIMARY KEY, VERSION BIGINT NOT NULL, NAME VARCHAR(100) NOT NULL,"
                    + " EMAIL VARCHAR(254) NOT NULL, OWNER VARCHAR(100) NOT NULL)");
            s.execute("CREATE INDEX IX_PERSON_OWNER ON T_PERSON (OWNER)");
            s.execute("INSERT INTO T_PERSON VALUES (1, 0, 'Smith', 'js@example.org', 'ann'),"
                    + " (2, 0, 'SMITHERS', 'w.smithers@example.org', 'bob'), (3, 0, 'Smyth', 'a@example.org', 'ann'),"
                    + " (4, 0, 'smi_th', 'x@example.org', 'ann'), (5, 0, 'Jones', 'Smith@Example.org', 'ann'),"
                    + " (6, 0, 'Smit', 'b@example.org', 'bob')");
        }
        assertTrue(SearchSql.ensure(db, Dialect.DERBY, TYPE, NAME));
        assertTrue(SearchSql.ensure(db, Dialect.DERBY, TYPE, EMAIL));
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void findsThePrefixIgnoringCaseInIndexOrder() throws SQLException {
        assertEquals(List.of(4L, 6L, 1L, 2L), ids(NAME, "SMI", ALL, 10));
        assertEquals(List.of(4L, 6L), ids(NAME, "smi", ALL, 2));
        assertEquals(List.of(), ids(NAME, "qqq", ALL, 10));
    }

    @Test
    void findsAWholeEmailAddressIgnoringCase() throws SQLException {
        assertEquals(List.of(5L), ids(EMAIL, "smith@example.ORG", ALL, 10));
    }

    @Test
    void takesLikeWildcardsLiterally() throws SQLException {
        assertEquals(List.of(4L), ids(NAME, "smi_", ALL, 10));
        assertEquals(List.of(), ids(NAME, "sm%", ALL, 10));
    }

    @Test
    void keepsToTheVisibleOwners() throws SQLException {
        assertEquals(List.of(6L, 2L), ids(NAME, "smi", new Visibility(false, Set.of("bob")), 10));
        assertEquals(List.of(), ids(NAME, "smi", new Visibility(false, Set.of()), 10));
    }

    @Test
    void creatingTheIndexAgainChangesNothingAndTheCopyFollowsUpdates() throws SQLException {
        assertTrue(SearchSql.ensure(db, Dialect.DERBY, TYPE, NAME));
        try (Statement s = db.createStatement()) {
            s.execute("UPDATE T_PERSON SET NAME = 'Zed' WHERE ID = 3");
            assertEquals(List.of(3L), ids(NAME, "ze", ALL, 10));
            s.execute("UPDATE T_PERSON SET NAME = 'Smyth' WHERE ID = 3");
        }
    }

    @Test
    void derbyReadsThePrefixRangeOfTheSearchIndexEvenWithAnOwnerList() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
            ids(NAME, "smi", new Visibility(false, Set.of("ann", "bob")), 5);
            try (ResultSet rs = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                rs.next();
                String plan = rs.getString(1);
                assertTrue(plan.contains("using index SX_PERSON_NAME"), plan);
                assertFalse(plan.contains("Sort ResultSet"), plan);
            }
            s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(0)");
        }
    }

    @Test
    void postgresqlSearchesTheLowerCasedExpressionInTheCCollation() {
        Sql sql = SearchSql.ids(Dialect.POSTGRESQL, TYPE, NAME, true, "smi", new Visibility(false, Set.of("ann")), 6);
        assertEquals("SELECT ID FROM T_PERSON WHERE LOWER(NAME) COLLATE \"C\" >= ? AND LOWER(NAME) COLLATE \"C\" < ?"
                + " AND OWNER IN (?) ORDER BY LOWER(NAME) COLLATE \"C\", ID FETCH FIRST 6 ROWS ONLY", sql.text());
        assertEquals(List.of("smi", "smj", "ann"), sql.params());
    }

    @Test
    void aFieldWithoutIndexIsSearchedOnItsLowerCasedValue() {
        Sql sql = SearchSql.ids(Dialect.DERBY, TYPE, NAME, false, "smi", ALL, 6);
        assertEquals("SELECT ID FROM T_PERSON WHERE LOWER(NAME) >= ? AND LOWER(NAME) < ? ORDER BY LOWER(NAME), ID"
                + " FETCH FIRST 6 ROWS ONLY", sql.text());
    }

    @Test
    void theUpperBoundIsThePrefixWithItsLastCharacterIncremented() {
        assertEquals(Optional.of("smj"), SearchSql.upperBound("smi"));
        assertEquals(Optional.of("a@example.orh"), SearchSql.upperBound("a@example.org"));
        assertEquals(Optional.of("b"), SearchSql.upperBound("a\uffff"));
        assertEquals(Optional.empty(), SearchSql.upperBound("\uffff"));
    }

    @Test
    void onlyShortPredefinedTextSearchFieldsAreIndexed() {
        assertEquals(List.of(NAME, EMAIL), SearchSql.indexable(TYPE));
        RecordType withUrl = new Delegating(TYPE) {
            @Override
            public List<FieldDefinition> fields() {
                List<FieldDefinition> fields = new ArrayList<>(TYPE.fields());
                fields.add(FieldDefinition.predefined("site", "Site", FieldType.URL, "SITE", false, 200));
                fields.add(FieldDefinition.predefined("about", "About", FieldType.LONG_TEXT, "ABOUT", false, 4000));
                return fields;
            }

            @Override
            public List<String> searchFields() {
                return List.of("site", "name", "about");
            }
        };
        assertEquals(List.of(NAME), SearchSql.indexable(withUrl));
    }

    private static List<Long> ids(FieldDefinition field, String text, Visibility visible, int limit)
            throws SQLException {
        Sql select = SearchSql.ids(Dialect.DERBY, TYPE, field, true, text.toLowerCase(), visible, limit);
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement s = db.prepareStatement(select.text())) {
            select.bind(s);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** A record type answering as another, for tests that change one of its answers. */
    static class Delegating implements RecordType {
        private final RecordType type;

        Delegating(RecordType type) {
            this.type = type;
        }

        @Override
        public String id() {
            return type.id();
        }

        @Override
        public String moduleId() {
            return type.moduleId();
        }

        @Override
        public String label() {
            return type.label();
        }

        @Override
        public String pluralLabel() {
            return type.pluralLabel();
        }

        @Override
        public String table() {
            return type.table();
        }

        @Override
        public List<FieldDefinition> fields() {
            return type.fields();
        }

        @Override
        public List<String> titleFields() {
            return type.titleFields();
        }

        @Override
        public List<String> searchFields() {
            return type.searchFields();
        }

        @Override
        public List<SortOrder> defaultSort() {
            return type.defaultSort();
        }
    }
}
