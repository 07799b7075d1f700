package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.persistence.internal.ScopedDataSource;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SearchGroup;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Visibility;

/** The global search over two record types on an in-memory Derby, through the service as the top bar calls it. */
class RecordSearchImplTest {
    private static final String URL = "jdbc:derby:memory:record-search;create=true";
    private static final RecordType PEOPLE = new PeopleType();
    private static final RecordType FIRMS = new SearchSqlTest.Delegating(PEOPLE) {
        @Override
        public String id() {
            return "firm";
        }

        @Override
        public String moduleId() {
            return "firms";
        }

        @Override
        public String pluralLabel() {
            return "Firms";
        }

        @Override
        public String table() {
            return "T_FIRM";
        }
    };
    private static Connection db;
    private static RecordTypeRegistry types;
    private static FieldCatalog catalog;

    @BeforeAll
    static void createTables() throws SQLException {
        db = DriverManager.getConnection(URL);
        try (Statement s = db.createStatement()) {
            for (String table : List.of("T_PERSON", "T_FIRM")) {
                s.execute("CREATE TABLE " + table + " (ID BIGINT PRIMARY KEY, VERSION BIGINT NOT NULL,"
                        + " NAME VARCHAR(100) NOT NULL, EMAIL VARCHAR(254) NOT NULL, OWNER VARCHAR(100) NOT NULL)");
            }
            s.execute("CREATE TABLE CRM_CUSTOM_FIELD (RECORD_TYPE VARCHAR(50), NAME VARCHAR(50), LABEL VARCHAR(60),"
                    + " FIELD_TYPE VARCHAR(20), REQUIRED BOOLEAN, MAX_LENGTH INT, LOOKUP_TYPE VARCHAR(50), POS INT)");
            s.execute("INSERT INTO T_PERSON VALUES (1, 0, 'Smith', 'smith@example.org', 'ann'),"
                    + " (2, 0, 'Smirnova', 'ada@example.org', 'bob'), (3, 0, 'Jones', 'jones@example.org', 'ann'),"
                    + " (4, 0, 'Smits', 'x@example.org', 'ann'), (5, 0, 'Bea', 'smile@example.org', 'ann')");
            s.execute("INSERT INTO T_FIRM VALUES (1, 0, 'Smiley Ltd', 'info@smiley.example', 'bob')");
        }
        catalog = new FieldCatalog(new ScopedDataSource(dataSource()), () -> "db/changelog/records.yaml");
        types = new RecordTypeRegistry();
        types.addType(PEOPLE);
        types.addType(FIRMS);
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    @Test
    void findsEachVisibleTypeByAnySearchFieldGroupedByTypeAndOrderedByTitle() {
        List<SearchGroup> found = search(Set.of("people.view", "firms.view"), new Visibility(true, Set.of()))
                .search(" SMI", 10);
        assertEquals(List.of("Firms", "People"), found.stream().map(SearchGroup::label).toList());
        assertEquals(List.of(new RecordRef("firm", 1, "Smiley Ltd")), found.get(0).records());
        assertEquals(List.of("Bea", "Smirnova", "Smith", "Smits"),
                found.get(1).records().stream().map(RecordRef::title).toList());
        assertFalse(found.get(1).more());
    }

    @Test
    void findsAWholeEmailAddress() {
        List<SearchGroup> found = search(Set.of("people.view"), new Visibility(true, Set.of()))
                .search("Jones@Example.org", 5);
        assertEquals(List.of(new RecordRef("person", 3, "Jones")), found.get(0).records());
    }

    @Test
    void leavesOutTypesWithoutTheViewPermissionAndRecordsOfInvisibleOwners() {
        List<SearchGroup> found = search(Set.of("people.view"), new Visibility(false, Set.of("bob"))).search("smi", 10);
        assertEquals(1, found.size());
        assertEquals(List.of(new RecordRef("person", 2, "Smirnova")), found.get(0).records());
        assertEquals(List.of(), search(Set.of(), new Visibility(true, Set.of())).search("smi", 10));
    }

    @Test
    void saysWhenThereAreMoreThanTheLimit() {
        SearchGroup people = search(Set.of("people.view"), new Visibility(true, Set.of())).search("smi", 2).get(0);
        assertEquals(2, people.records().size());
        assertTrue(people.more());
    }

    @Test
    void blankTextFindsNothing() {
        assertEquals(List.of(), search(Set.of("people.view"), new Visibility(true, Set.of())).search("  ", 10));
    }

    @Test
    void aGroupHoldsTheFirstTitlesAndTellsOfTheRest() {
        List<RecordRow> rows = List.of(row(3, "carol"), row(1, "Bob"), row(2, "alice"), row(4, "Bob"));
        SearchGroup group = RecordSearchImpl.group(PEOPLE, rows, 3, false);
        assertEquals(List.of(new RecordRef("person", 2, "alice"), new RecordRef("person", 1, "Bob"),
                new RecordRef("person", 4, "Bob")), group.records());
        assertTrue(group.more());
        assertFalse(RecordSearchImpl.group(PEOPLE, rows, 4, false).more());
        assertTrue(RecordSearchImpl.group(PEOPLE, rows, 4, true).more());
    }

    private static RecordRow row(long id, String name) {
        return new RecordRow(id, 0, Map.of("name", name));
    }

    private static RecordSearchImpl search(Set<String> permissions, Visibility visible) {
        AccessControl access = (AccessControl) Proxy.newProxyInstance(RecordSearchImplTest.class.getClassLoader(),
                new Class<?>[] {AccessControl.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "permitted" -> permissions.contains(args[0]);
                    case "visibility" -> visible;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        RecordSearchImpl search = new RecordSearchImpl(types, catalog, access);
        search.addType(PEOPLE);
        search.addType(FIRMS);
        return search;
    }

    /** Hands out new connections to the in-memory database. */
    private static DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(RecordSearchImplTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return DriverManager.getConnection(URL);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
