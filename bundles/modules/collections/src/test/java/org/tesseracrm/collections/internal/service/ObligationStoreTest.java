package org.tesseracrm.collections.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tesseracrm.collections.api.Obligation;
import org.tesseracrm.collections.api.ObligationInput;
import org.tesseracrm.kernel.api.security.Visibility;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The module's changelog and its SQL on an in-memory Derby, as the distribution's default database runs them. */
class ObligationStoreTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);
    private Connection c;

    @BeforeEach
    @SuppressWarnings("deprecation") // Liquibase.update(Contexts) is the short way for a test
    void migrated(TestInfo info) throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:collections" + info.getDisplayName().replaceAll("\\W", ""));
        dataSource.setCreateDatabase("create");
        c = dataSource.getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        new Liquibase("db/changelog/collections.yaml", new ClassLoaderResourceAccessor(), database)
                .update(new Contexts());
        c.setAutoCommit(false);
    }

    @Test
    void obligationsAreReplacedKeepingTheIdsOfThoseKept() throws SQLException {
        collection(1, "ana", "", 10L, null);
        ObligationStore.replace(c, 1, rows(Map.of(), input(null, "100", TODAY), input(null, "50", TODAY.plusDays(3))));
        List<Obligation> first = ObligationStore.list(c, 1);
        assertEquals(List.of(1, 2), first.stream().map(Obligation::position).toList());
        Map<Long, Obligation> stored = Map.of(first.get(0).id(), first.get(0), first.get(1).id(), first.get(1));
        // the second moves first, the first is removed, a new one is added
        ObligationStore.replace(c, 1, rows(stored, ObligationInput.of(first.get(1)), input(null, "7.5", TODAY)));
        List<Obligation> second = ObligationStore.list(c, 1);
        assertEquals(first.get(1).id(), second.get(0).id());
        assertEquals(1, second.get(0).position());
        assertEquals("7.50", second.get(1).amount().toPlainString());
        assertEquals(2, ObligationStore.count(c, 1));
        ObligationStore.delete(c, 1);
        assertEquals(List.of(), ObligationStore.list(c, 1));
    }

    @Test
    void theOpenObligationsFollowTheCallersVisibility() throws SQLException {
        collection(1, "ana", "", 10L, null);
        collection(2, "bob", "carla", null, 7L);
        ObligationStore.replace(c, 1, rows(Map.of(), input(null, "100", TODAY),
                new ObligationInput(Optional.empty(), new BigDecimal("5"), TODAY, "Paid", null, "", ""),
                new ObligationInput(Optional.empty(), new BigDecimal("6"), TODAY, "Written off", null, "", "")));
        ObligationStore.replace(c, 2, rows(Map.of(), input(null, "30", TODAY.minusDays(31))));
        List<ObligationStore.Open> all = ObligationStore.open(c, new Visibility(true, Set.of()), 100);
        assertEquals(2, all.size(), "paid and written-off obligations are not outstanding");
        ObligationStore.Open ana = all.stream().filter(o -> o.collectionId() == 1).findFirst().orElseThrow();
        assertEquals("ana", ana.collector(), "no collector: the owner");
        assertEquals(10L, ana.companyId());
        assertEquals(null, ana.contactId());
        ObligationStore.Open bob = all.stream().filter(o -> o.collectionId() == 2).findFirst().orElseThrow();
        assertEquals("carla", bob.collector());
        assertEquals(7L, bob.contactId());
        assertEquals(List.of(1L), ObligationStore.open(c, new Visibility(false, Set.of("ana")), 100).stream()
                .map(ObligationStore.Open::collectionId).toList());
        assertEquals(List.of(), ObligationStore.open(c, new Visibility(false, Set.of("zed")), 100));
    }

    @Test
    void totalsNextDueAndMergeMove() throws SQLException {
        collection(1, "ana", "", 10L, null);
        collection(2, "ana", "", 10L, null);
        ObligationStore.replace(c, 1, rows(Map.of(), input(null, "100", TODAY)));
        ObligationStore.replace(c, 2, rows(Map.of(), input(null, "20", TODAY.plusDays(1))));
        ObligationStore.setTotals(c, 1, ObligationRules.totals(ObligationStore.list(c, 1), TODAY));
        ObligationStore.setTotals(c, 2, ObligationRules.totals(ObligationStore.list(c, 2), TODAY));
        assertEquals(List.of(), ObligationStore.passedDue(c, TODAY, 10), "due today has not passed");
        assertEquals(List.of(1L), ObligationStore.passedDue(c, TODAY.plusDays(1), 10));
        assertEquals(List.of(1L, 2L), ObligationStore.passedDue(c, TODAY.plusDays(2), 10));
        ObligationStore.move(c, 2, 1);
        assertEquals(List.of(1, 2), ObligationStore.list(c, 1).stream().map(Obligation::position).toList());
        assertEquals(0, ObligationStore.count(c, 2));
    }

    @Test
    void anObligationNeedsItsCollection() throws SQLException {
        assertThrows(SQLException.class, () -> ObligationStore.replace(c, 99, rows(Map.of(), input(null, "1", TODAY))));
    }

    private static List<Obligation> rows(Map<Long, Obligation> stored, ObligationInput... input) {
        return ObligationRules.rows(List.of(input), stored);
    }

    private static ObligationInput input(Long id, String amount, LocalDate due) {
        return new ObligationInput(Optional.ofNullable(id), new BigDecimal(amount), due, null, null, "", "");
    }

    private void collection(long id, String owner, String collector, Long company, Long contact) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CRM_COLLECTION (ID, SUBJECT, COMPANY_ID, CONTACT_ID,"
                + " COLLECTOR, CURRENCY, OWNER, CREATED_AT, UPDATED_AT, VERSION) VALUES (?, ?, ?, ?, ?, 'EUR', ?, ?, ?, 0)")) {
            Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 3, 1, 9, 0));
            ps.setLong(1, id);
            ps.setString(2, "Invoices " + id);
            ps.setObject(3, company);
            ps.setObject(4, contact);
            ps.setString(5, collector);
            ps.setString(6, owner);
            ps.setTimestamp(7, now);
            ps.setTimestamp(8, now);
            ps.executeUpdate();
        }
    }
}
