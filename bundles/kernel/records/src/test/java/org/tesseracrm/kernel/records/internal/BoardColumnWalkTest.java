package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Visibility;
import org.tesseracrm.kernel.records.internal.SearchSql.Dialect;

/**
 * A board's column on Derby (a one-value filter on the owner or a pick-list, in the list's order): the list's order
 * index is walked when the value is common, Derby chooses when it is rare or an index holds the column and the order.
 */
class BoardColumnWalkTest {
    private static final PeopleType PEOPLE = new PeopleType();
    private static final Visibility ALL = new Visibility(true, Set.of());
    private static Connection db;

    @BeforeAll
    static void createTable() throws SQLException {
        db = DriverManager.getConnection("jdbc:derby:memory:board-walk;create=true");
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE T_PERSON (ID BIGINT PRIMARY KEY, VERSION BIGINT NOT NULL, NAME VARCHAR(100) NOT NULL,"
                    + " EMAIL VARCHAR(254) NOT NULL, OWNER VARCHAR(100) NOT NULL)");
            s.execute("CREATE INDEX IX_T_PERSON_ORDER ON T_PERSON (NAME, ID)");
            s.execute("CREATE INDEX IX_T_PERSON_OWNER ON T_PERSON (OWNER)");
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO T_PERSON VALUES (?, 0, ?, '', ?)")) {
            for (int id = 1; id <= 3_000; id++) { // about 1,000 rows for each of o0, o1, o2, and 2 for rare
                insert.setLong(1, id);
                insert.setString(2, "n" + (id * 7_919 % 3_001));
                insert.setString(3, id <= 2 ? "rare" : "o" + id % 3);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    private static SearchState derby() throws SQLException {
        SearchState search = new SearchState();
        search.dialect(db);
        search.ready(PEOPLE.id(), Set.of(), Set.of("name")); // values lists: the platform runs on Derby
        return search;
    }

    private static RecordQuery column(String owner) {
        return RecordQuery.page(0, 10).withFilters(List.of(Records.groupFilter("owner", java.util.Optional.of(owner))));
    }

    @Test
    void aCommonValuesColumnWalksTheOrderIndexAndReadsTheSameRows() throws SQLException {
        SearchState search = derby();
        Sql walked = new RecordSql(PEOPLE, PEOPLE.fields(), search).select(db, column("o1"), ALL, true);
        assertTrue(walked.text().contains("DERBY-PROPERTIES index=IX_T_PERSON_ORDER"), walked.text());
        assertEquals(ids(new RecordSql(PEOPLE, PEOPLE.fields()).select(column("o1"), ALL, true)), ids(walked));
        assertEquals(999, search.held(db, PEOPLE, "OWNER", List.of("o1"))); // ids 3..3,000 with id % 3 = 1
        // a manager's column: visible owners and the column's value, both common
        Visibility two = new Visibility(false, Set.of("o1", "o2"));
        Sql managers = new RecordSql(PEOPLE, PEOPLE.fields(), search).select(db, column("o2"), two, true);
        assertTrue(managers.text().contains("DERBY-PROPERTIES"), managers.text());
        assertEquals(ids(new RecordSql(PEOPLE, PEOPLE.fields()).select(column("o2"), two, true)), ids(managers));
    }

    @Test
    void aRareValuesColumnAndOtherFiltersAreLeftToDerby() throws SQLException {
        RecordSql sql = new RecordSql(PEOPLE, PEOPLE.fields(), derby());
        assertFalse(sql.select(db, column("rare"), ALL, true).text().contains("DERBY-PROPERTIES"));
        RecordQuery twoValues = RecordQuery.page(0, 10).withFilters(List.of(new Filter("owner",
                org.tesseracrm.kernel.api.record.FilterOp.IN, List.of("o1", "o2"))));
        assertFalse(sql.select(db, twoValues, ALL, true).text().contains("DERBY-PROPERTIES"));
        assertFalse(sql.select(db, RecordQuery.page(0, 10), ALL, true).text().contains("DERBY-PROPERTIES"));
    }

    @Test
    void anIndexOfTheColumnAndTheOrderIsLeftToDerbyUnlessSomeOwnersAreVisible() throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("CREATE INDEX IX_T_PERSON_OWNER_ORDER ON T_PERSON (OWNER, NAME, ID)");
        }
        try {
            Sql select = new RecordSql(PEOPLE, PEOPLE.fields(), derby()).select(db, column("o1"), ALL, true);
            assertFalse(select.text().contains("DERBY-PROPERTIES"), select.text());
            // a manager: Derby would read the visible owners' rows and sort them; the column's order index is walked
            Visibility two = new Visibility(false, Set.of("o1", "o2"));
            Sql managers = new RecordSql(PEOPLE, PEOPLE.fields(), derby()).select(db, column("o2"), two, true);
            assertTrue(managers.text().contains("DERBY-PROPERTIES index=IX_T_PERSON_OWNER_ORDER"), managers.text());
            assertEquals(ids(new RecordSql(PEOPLE, PEOPLE.fields()).select(column("o2"), two, true)), ids(managers));
        } finally {
            try (Statement s = db.createStatement()) {
                s.execute("DROP INDEX IX_T_PERSON_OWNER_ORDER");
            }
        }
    }

    private static List<Long> ids(Sql select) throws SQLException {
        return new RecordSql(PEOPLE, PEOPLE.fields()).rows(db, select).stream().map(RecordRow::id).toList();
    }
}
