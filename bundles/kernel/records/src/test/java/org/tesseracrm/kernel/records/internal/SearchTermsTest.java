package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.Visibility;
import org.tesseracrm.kernel.records.internal.SearchSql.Dialect;

/** Derby's values lists for "contains": the same rows as LIKE, kept up to date by the platform's writes. */
class SearchTermsTest {
    private static final PeopleType PEOPLE = new PeopleType();
    private static final Visibility ALL = new Visibility(true, Set.of());
    private static Connection db;
    private static FieldDefinition name;
    private static FieldDefinition email;
    private static SearchState search;

    @BeforeAll
    static void createTables() throws SQLException {
        db = DriverManager.getConnection("jdbc:derby:memory:search-terms;create=true");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE T_PERSON (ID BIGINT PRIMARY KEY, VERSION BIGINT NOT NULL, NAME VARCHAR(100) NOT NULL,"
                    + " EMAIL VARCHAR(254) NOT NULL, OWNER VARCHAR(100) NOT NULL)");
            s.execute("CREATE TABLE CRM_SEARCH_TERM (RECORD_TYPE VARCHAR(30) NOT NULL, FIELD_COLUMN VARCHAR(30) NOT NULL,"
                    + " TERM VARCHAR(255) NOT NULL)");
            s.execute("INSERT INTO T_PERSON VALUES (1, 0, 'Smith', 'smith@example.org', 'ann'),"
                    + " (2, 0, 'Goldsmith', 'g@example.org', 'bob'), (3, 0, 'Jones', 'jones@example.org', 'ann'),"
                    + " (4, 0, 'SMITH', 'x@example.org', 'ann'), (5, 0, '100%_Ltd', 'p@example.org', 'ann'),"
                    + " (6, 0, '', 'blank@example.org', 'ann')");
        }
        name = PEOPLE.fields().get(0);
        email = PEOPLE.fields().get(1);
        assertTrue(SearchSql.ensure(db, Dialect.DERBY, PEOPLE, name));
        assertTrue(SearchSql.ensure(db, Dialect.DERBY, PEOPLE, email));
        SearchTerms.ensure(db, PEOPLE, name);
        SearchTerms.ensure(db, PEOPLE, name); // once: the second call finds the list complete
        search = new SearchState();
        search.dialect(db);
        search.ready(PEOPLE.id(), Set.of("name", "email"), Set.of("name"));
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void containsFindsTheSameRowsThroughTheValuesListAsWithLike() throws SQLException {
        for (String text : List.of("smith", "SMI", "mit", "gold", "zimmer", "%", "_", "0%_", "s")) {
            RecordQuery query = RecordQuery.page(0, 50).withFilters(List.of(Filter.of("name", FilterOp.CONTAINS, text)));
            assertEquals(ids(new RecordSql(PEOPLE, PEOPLE.fields()).select(query, ALL, true)),
                    ids(new RecordSql(PEOPLE, PEOPLE.fields(), search).select(db, query, ALL, true)), text);
        }
    }

    @Test
    void listsEachDistinctLowerCasedValueOnceAndNoBlank() throws SQLException {
        assertEquals(Optional.of(List.of("goldsmith", "smith")), SearchTerms.terms(db, PEOPLE, name, "SMITH")
                .map(t -> t.stream().sorted().toList()));
        assertEquals(Optional.of(List.of()), SearchTerms.terms(db, PEOPLE, name, "zimmer"));
    }

    @Test
    void aTextWithoutListedValuesReadsNoRecordAndARareOneOnlyItsRecords() throws SQLException {
        RecordSql sql = new RecordSql(PEOPLE, PEOPLE.fields(), search);
        assertTrue(sql.select(db, RecordQuery.page(0, 50).withFilters(List.of(Filter.of("name", FilterOp.CONTAINS,
                "zimmer"))), ALL, true).text().contains("1 = 0"));
        assertTrue(sql.select(db, RecordQuery.page(0, 50).withFilters(List.of(Filter.of("name", FilterOp.CONTAINS,
                "gold"))), ALL, true).text().contains("SX_NAME IN (?)"));
    }

    @Test
    void aWrittenRecordsNewValueIsListedInTheSameTransaction() throws SQLException {
        db.setAutoCommit(false);
        try {
            try (Statement s = db.createStatement()) {
                s.execute("INSERT INTO T_PERSON (ID, VERSION, NAME, EMAIL, OWNER) VALUES (7, 0, 'Zimmermann', 'z@example.org', 'ann')");
                s.execute("UPDATE T_PERSON SET NAME = 'Zimmerli' WHERE ID = 3");
            }
            SearchTerms.written(db, search, PEOPLE, 7, 7);
            SearchTerms.written(db, search, PEOPLE, List.of(3L));
            SearchTerms.written(db, search, PEOPLE, List.of(3L)); // listed once
            assertEquals(Optional.of(List.of("zimmerli", "zimmermann")), SearchTerms.terms(db, PEOPLE, name, "zimmer")
                    .map(t -> t.stream().sorted().toList()));
            RecordQuery query = RecordQuery.page(0, 50).withFilters(List.of(Filter.of("name", FilterOp.CONTAINS, "ZIMM")));
            assertEquals(List.of(3L, 7L), ids(new RecordSql(PEOPLE, PEOPLE.fields(), search).select(db, query, ALL, true)));
        } finally {
            db.rollback();
            db.setAutoCommit(true);
        }
    }

    @Test
    void theDuplicateCheckComparesTheLowerCasedIndexedColumn() {
        Sql select = new RecordSql(PEOPLE, PEOPLE.fields(), search).anyEqual(java.util.Map.of(email, "Smith@Example.org"),
                0, ALL, 10);
        assertTrue(select.text().contains("SX_EMAIL = ?"), select.text());
        assertEquals("smith@example.org", select.params().get(0));
    }

    @Test
    void anEqualsFilterOnATextComparesTheLowerCasedIndexedColumn() throws SQLException {
        RecordQuery query = RecordQuery.page(0, 50).withFilters(List.of(Filter.of("name", FilterOp.EQUALS, "SMITH")));
        Sql select = new RecordSql(PEOPLE, PEOPLE.fields(), search).select(db, query, ALL, true);
        assertTrue(select.text().contains("SX_NAME = ?"), select.text());
        assertEquals(List.of(1L, 4L), ids(select));
        assertEquals(ids(new RecordSql(PEOPLE, PEOPLE.fields()).select(query, ALL, true)), ids(select));
    }

    @Test
    void aListSortedDescendingRunsItsIdDescendingToo() {
        RecordQuery query = RecordQuery.page(0, 50).withSort(List.of(new SortOrder("name", false)));
        assertTrue(new RecordSql(PEOPLE, PEOPLE.fields()).select(query, ALL, true).text()
                .contains("ORDER BY NAME DESC, ID DESC"));
        assertTrue(new RecordSql(PEOPLE, PEOPLE.fields()).select(RecordQuery.page(0, 50), ALL, true).text()
                .contains("ORDER BY NAME ASC, ID ASC"));
    }

    @Test
    void findsTheIndexThatHoldsAListsOrderAndCountsTheVisibleOwnersRows() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE INDEX IX_T_PERSON_ORDER ON T_PERSON (NAME, ID)");
        }
        assertEquals(Optional.of("IX_T_PERSON_ORDER"), search.orderIndex(db, PEOPLE, List.of("NAME", "ID")));
        assertEquals(Optional.empty(), search.orderIndex(db, PEOPLE, List.of("EMAIL", "ID")));
        assertEquals(5, search.held(db, PEOPLE, "OWNER", List.of("ann")));
        assertEquals(6, search.rowCount(db, PEOPLE));
        assertEquals(3, SearchTerms.rowsHolding(db, PEOPLE, name, "smit"));
        // a handful of visible rows: Derby's own plan through the owner index stays
        RecordQuery query = RecordQuery.page(0, 50).withFilters(List.of(Filter.of("name", FilterOp.CONTAINS, "s")));
        assertTrue(!new RecordSql(PEOPLE, PEOPLE.fields(), search).select(db, query, new Visibility(false,
                Set.of("ann")), true).text().contains("DERBY-PROPERTIES"));
    }

    private static List<Long> ids(Sql select) throws SQLException {
        return new RecordSql(PEOPLE, PEOPLE.fields()).rows(db, select).stream().map(RecordRow::id).sorted().toList();
    }
}
