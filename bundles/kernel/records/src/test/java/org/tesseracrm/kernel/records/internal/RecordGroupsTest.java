package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.RecordGroup;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.SavedView;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Visibility;
import org.tesseracrm.kernel.persistence.internal.ScopedDataSource;

/**
 * Lists grouped for a board on an in-memory Derby, the way RecordsImplTest sets the platform up: one grouped read
 * gives each column's count and sums under the list's visibility, text and filters; the columns come in the
 * pick-list's order (or the owners' names) with a last "none" column; each column's cards are a page of the same
 * query with {@link Records#groupFilter}; board configurations are saved views with a grouping field.
 */
class RecordGroupsTest {
    private static final String URL = "jdbc:derby:memory:record-groups;create=true";
    /** Deals: a name, a predefined stage pick-list, an amount, a text note, an owner. */
    private static final RecordType DEAL = new DealType();

    private static Connection db;
    private static RecordTypeRegistry types;
    private static FieldCatalog catalog;

    @BeforeAll
    static void createTables() throws SQLException {
        db = DriverManager.getConnection(URL);
        try (Statement s = db.createStatement()) {
            s.execute("CREATE TABLE T_DEAL (ID BIGINT PRIMARY KEY, VERSION BIGINT NOT NULL, NAME VARCHAR(100) NOT NULL,"
                    + " STAGE VARCHAR(100), AMOUNT DECIMAL(19,4), NOTE VARCHAR(100), OWNER VARCHAR(100) NOT NULL,"
                    + " CREATED_AT TIMESTAMP, UPDATED_AT TIMESTAMP)");
            s.execute("CREATE TABLE CRM_CUSTOM_FIELD (RECORD_TYPE VARCHAR(50), NAME VARCHAR(50), LABEL VARCHAR(60),"
                    + " FIELD_TYPE VARCHAR(20), REQUIRED BOOLEAN, MAX_LENGTH INT, LOOKUP_TYPE VARCHAR(50), POS INT)");
            s.execute("CREATE TABLE CRM_PICKLIST_VALUE (RECORD_TYPE VARCHAR(50), FIELD_NAME VARCHAR(50), VAL VARCHAR(100),"
                    + " COLOUR VARCHAR(20), IS_DEFAULT BOOLEAN, ACTIVE BOOLEAN, POS INT)");
            s.execute("CREATE TABLE CRM_SAVED_VIEW (RECORD_TYPE VARCHAR(50), OWNER VARCHAR(100), NAME VARCHAR(60),"
                    + " SHARED BOOLEAN, DEFINITION VARCHAR(8000))");
            // The admin's order: Proposal before New on purpose; "Old" is no longer offered, "Dead" neither.
            s.execute("INSERT INTO CRM_PICKLIST_VALUE VALUES ('deal', 'stage', 'Proposal', NULL, FALSE, TRUE, 0),"
                    + " ('deal', 'stage', 'New', NULL, TRUE, TRUE, 1), ('deal', 'stage', 'Empty', NULL, FALSE, TRUE, 2),"
                    + " ('deal', 'stage', 'Old', NULL, FALSE, FALSE, 3), ('deal', 'stage', 'Dead', NULL, FALSE, FALSE, 4)");
            s.execute("INSERT INTO T_DEAL (ID, VERSION, NAME, STAGE, AMOUNT, NOTE, OWNER) VALUES"
                    + " (1, 1, 'Alpha', 'New', 100.50, 'hot', 'ann'),"
                    + " (2, 1, 'Beta', 'New', 200, 'cold', 'bob'),"
                    + " (3, 1, 'Gamma', 'Proposal', 1000, 'hot', 'ann'),"
                    + " (4, 1, 'Delta', 'Proposal', NULL, 'hot', 'bob'),"
                    + " (5, 1, 'Epsilon', 'Old', 7, 'cold', 'ann'),"
                    + " (6, 1, 'Zeta', 'Stray', 1, 'hot', 'Cy'),"
                    + " (7, 1, 'Eta', NULL, 10, 'hot', 'ann'),"
                    + " (8, 1, 'Theta', '', 20, 'cold', 'bob')");
        }
        catalog = new FieldCatalog(new ScopedDataSource(dataSource()), () -> "db/changelog/records.yaml");
        types = new RecordTypeRegistry();
        types.addType(DEAL);
    }

    @AfterAll
    static void close() throws SQLException {
        db.close();
    }

    private static Records records(AccessControl access) {
        return new RecordsImpl(types, catalog, access, new NoAudit(), new Lifecycle(types));
    }

    private static String shown(List<RecordGroup> groups) {
        List<String> texts = new ArrayList<>();
        for (RecordGroup group : groups) {
            texts.add(group.value().orElse("(none)") + "=" + group.count() + "/" + group.sum("amount").stripTrailingZeros()
                    .toPlainString());
        }
        return String.join(", ", texts);
    }

    @Test
    void columnsComeInThePickListsOrderWithEmptyActiveOnesThenStrayValuesThenNoneCountedAndSummed() {
        List<RecordGroup> groups = records(Access.ALL).groups("deal", RecordQuery.page(0, 1), "stage", List.of("amount"));

        // NULL and '' are one "none" column; Old is inactive but held, Dead inactive and unused, Stray unknown.
        assertEquals("Proposal=2/1000, New=2/300.5, Empty=0/0, Old=1/7, Stray=1/1, (none)=2/30", shown(groups));
        assertEquals(List.of("amount"), List.copyOf(groups.get(0).sums().keySet()));
    }

    @Test
    void theListsTextAndFiltersAndTheCallersVisibilityApply() {
        RecordQuery hot = RecordQuery.page(0, 1).withFilters(List.of(Filter.of("note", FilterOp.EQUALS, "hot")));
        assertEquals("Proposal=2/1000, New=1/100.5, Empty=0/0, Stray=1/1, (none)=1/10",
                shown(records(Access.ALL).groups("deal", hot, "stage", List.of("amount"))));
        // Alpha and Delta (whose amount is empty) are the hot deals with an "l"
        assertEquals("Proposal=1/0, New=1/100.5, Empty=0/0",
                shown(records(Access.ALL).groups("deal", hot.withText("L"), "stage", List.of("amount"))));
        assertEquals("Proposal=1/1000, New=1/100.5, Empty=0/0, Old=1/7, (none)=1/10",
                shown(records(Access.ANNS).groups("deal", RecordQuery.page(0, 1), "stage", List.of("amount"))));
        assertEquals("Proposal=0/0, New=0/0, Empty=0/0",
                shown(records(Access.NOBODYS).groups("deal", RecordQuery.page(0, 1), "stage", List.of("amount"))));
    }

    @Test
    void byOwnerTheColumnsAreTheUsersHoldingRecordsByNameWithoutSums() {
        List<RecordGroup> groups = records(Access.ALL).groups("deal", RecordQuery.page(0, 1), "owner", List.of());

        assertEquals(List.of("ann=4", "bob=3", "Cy=1"),
                groups.stream().map(g -> g.value().orElse("(none)") + "=" + g.count()).toList());
        assertEquals(Map.of(), groups.get(0).sums());
    }

    @Test
    void eachColumnsCardsAreAPageOfTheSameQueryWithTheGroupFilter() {
        Records records = records(Access.ALL);
        RecordQuery query = RecordQuery.page(0, 50).withSort(List.of(new SortOrder("name", true)));
        for (RecordGroup group : records.groups("deal", query, "stage", List.of())) {
            List<RecordRow> cards = records.page("deal", query.withFilters(List.of(Records.groupFilter("stage",
                    group.value()))));
            assertEquals(group.count(), cards.size(), group.value().toString());
            assertEquals(group.count(), records.count("deal", query.withFilters(List.of(Records.groupFilter("stage",
                    group.value()))), 100));
            cards.forEach(card -> assertEquals(group.value(), Optional.ofNullable((String) card.values().get("stage"))));
        }
        assertEquals(List.of("Beta"), records.page("deal", query.withFilters(List.of(Records.groupFilter("stage",
                Optional.of("New")))).withPage(1, 1)).stream().map(r -> r.values().get("name")).toList());
        assertEquals(List.of("Delta"), records.slice("deal", query.withPage(0, 1).withFilters(List.of(Records
                .groupFilter("stage", Optional.of("Proposal")))), Optional.empty()).rows().stream()
                .map(r -> r.values().get("name")).toList());
    }

    @Test
    void onlyPickListsAndUsersGroupOnlyNumbersSumAndTheTypesViewPermissionIsNeeded() {
        Records records = records(Access.ALL);
        ValidationException text = assertThrows(ValidationException.class,
                () -> records.groups("deal", RecordQuery.page(0, 1), "note", List.of()));
        assertEquals("note", text.errors().get(0).field());
        ValidationException sum = assertThrows(ValidationException.class,
                () -> records.groups("deal", RecordQuery.page(0, 1), "stage", List.of("name")));
        assertEquals("name", sum.errors().get(0).field());
        assertThrows(ValidationException.class, () -> records.groups("deal", RecordQuery.page(0, 1), "nope", List.of()));
        assertThrows(PermissionDeniedException.class,
                () -> records(Access.NONE).groups("deal", RecordQuery.page(0, 1), "stage", List.of()));
    }

    @Test
    void aBoardIsASavedViewWithAGroupingFieldThatIsAPickListOrAUserAndNeverReplacesAListOfTheSameName() {
        SavedViewsImpl views = new SavedViewsImpl(types, catalog, Access.ALL);
        SavedView board = new SavedView("deal", "Pipeline", "", false, "", List.of(), List.of(new SortOrder("amount",
                false)), List.of("name", "amount"), Optional.of("stage"));

        views.save(board);
        views.save(new SavedView("deal", "Mine", "", false, "", List.of(), List.of(), List.of()));

        assertEquals(List.of("Mine:false", "Pipeline:true:stage"), views.list("deal").stream().map(v -> v.name() + ":"
                + v.board() + v.groupBy().map(g -> ":" + g).orElse("")).toList());
        assertEquals("name", assertThrows(ValidationException.class, () -> views.save(new SavedView("deal", "Pipeline",
                "", false, "", List.of(), List.of(), List.of()))).errors().get(0).field());
        assertEquals("name", assertThrows(ValidationException.class, () -> views.save(new SavedView("deal", "Mine",
                "", false, "", List.of(), List.of(), List.of(), Optional.of("owner")))).errors().get(0).field());
        assertEquals("groupBy", assertThrows(ValidationException.class, () -> views.save(new SavedView("deal", "ByNote",
                "", false, "", List.of(), List.of(), List.of(), Optional.of("note")))).errors().get(0).field());
        views.save(new SavedView("deal", "Pipeline", "", false, "", List.of(), List.of(), List.of("name"),
                Optional.of("owner")));
        assertEquals(Optional.of("owner"), views.list("deal").stream().filter(v -> v.name().equals("Pipeline"))
                .findFirst().orElseThrow().groupBy());
    }

    private static DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(RecordGroupsTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return DriverManager.getConnection(URL);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Callers: ann with every record, ann with only hers, one seeing nobody's, one without the view permission. */
    private static final class Access {
        static final TestCaller ALL = new TestCaller("ann", Set.of("deals.view"), new Visibility(true, Set.of()));
        static final TestCaller ANNS = new TestCaller("ann", Set.of("deals.view"), new Visibility(false, Set.of("ann")));
        static final TestCaller NOBODYS = new TestCaller("ann", Set.of("deals.view"), new Visibility(false, Set.of()));
        static final TestCaller NONE = new TestCaller("ann", Set.of(), new Visibility(true, Set.of()));
    }

    /** Deals over T_DEAL. */
    private static final class DealType implements RecordType {
        @Override
        public String id() {
            return "deal";
        }

        @Override
        public String moduleId() {
            return "deals";
        }

        @Override
        public String label() {
            return "Deal";
        }

        @Override
        public String pluralLabel() {
            return "Deals";
        }

        @Override
        public String table() {
            return "T_DEAL";
        }

        @Override
        public List<FieldDefinition> fields() {
            return List.of(FieldDefinition.predefined("name", "Name", FieldType.TEXT, "NAME", true, 100),
                    FieldDefinition.predefined("stage", "Stage", FieldType.PICKLIST, "STAGE", false, 100),
                    FieldDefinition.predefined("amount", "Amount", FieldType.MONEY, "AMOUNT", false, 0),
                    FieldDefinition.predefined("note", "Note", FieldType.TEXT, "NOTE", false, 100),
                    FieldDefinition.predefined("owner", "Owner", FieldType.USER, "OWNER", true, 100));
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

        @Override
        public Optional<IdGenerator> ids() {
            return Optional.empty();
        }

        @Override
        public List<FieldError> check(Map<String, Object> values) {
            return List.of();
        }
    }
}
