package org.tesseracrm.cases.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tesseracrm.cases.api.StatusKind;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The module's changelog and its SQL on an in-memory Derby, as the distribution's default database runs them. */
class CaseStoreTest {
    private EmbeddedDataSource dataSource;
    private Connection c;

    @BeforeEach
    @SuppressWarnings("deprecation") // Liquibase.update(Contexts) is the short way for a test
    void migrated(TestInfo info) throws Exception {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:cases" + info.getDisplayName().replaceAll("\\W", ""));
        dataSource.setCreateDatabase("create");
        c = dataSource.getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        new Liquibase("db/changelog/cases.yaml", new ClassLoaderResourceAccessor(), database).update(new Contexts());
        c.setAutoCommit(false);
    }

    @AfterEach
    void closed() throws SQLException {
        c.rollback();
        c.close();
    }

    @Test
    void numbersCountFromOnePerPrefixAndARollbackGivesItsNumberBack() throws SQLException {
        assertEquals(1, CaseStore.nextNumber(c, "QUE"));
        assertEquals(2, CaseStore.nextNumber(c, "QUE"));
        assertEquals(1, CaseStore.nextNumber(c, "PET"), "each prefix counts on its own");
        assertEquals(1, CaseStore.nextNumber(c, "WAR"), "a prefix the admin added starts at 1");
        assertEquals(2, CaseStore.nextNumber(c, "WAR"));
        c.rollback();
        assertEquals(1, CaseStore.nextNumber(c, "QUE"), "a rolled-back create gives its number back");
        assertEquals(1, CaseStore.nextNumber(c, "WAR"));
        c.commit();
    }

    @Test
    void twentyParallelCreatesGetTwentyDifferentNumbersWithoutGaps() throws Exception {
        int threads = 20;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> numbers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            long id = 100 + i;
            String prefix = i % 2 == 0 ? "QUE" : "NEW"; // NEW has no row yet: its first number takes the lock row
            Callable<String> create = () -> {
                try (Connection own = dataSource.getConnection()) {
                    own.setAutoCommit(false);
                    start.await();
                    insert(own, id);
                    String number = CaseRules.number(prefix, CaseStore.nextNumber(own, prefix));
                    CaseStore.setNumber(own, id, number);
                    own.commit();
                    return number;
                }
            };
            numbers.add(pool.submit(create));
        }
        start.countDown();
        Set<String> given = new HashSet<>();
        for (Future<String> number : numbers) {
            given.add(number.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        Set<String> expected = new HashSet<>();
        for (int n = 1; n <= threads / 2; n++) {
            expected.add(CaseRules.number("QUE", n));
            expected.add(CaseRules.number("NEW", n));
        }
        assertEquals(expected, given);
    }

    @Test
    void aNumberIsUniqueAndCasesWithoutOneYetDoNotCollide() throws SQLException {
        insert(c, 1);
        insert(c, 2);
        insert(c, 3);
        CaseStore.setNumber(c, 1, "QUE-000001");
        assertThrows(SQLException.class, () -> CaseStore.setNumber(c, 2, "QUE-000001"));
    }

    @Test
    void theChangelogGivesTheFirstTypesTheirPrefixesAndStatusesTheirKinds() throws SQLException {
        assertEquals(Optional.of("QUE"), CaseStore.prefix(c, "Complaint"));
        assertEquals(Optional.of("PET"), CaseStore.prefix(c, "Petition"));
        assertEquals(Optional.of("REC"), CaseStore.prefix(c, "Claim"));
        assertEquals(Optional.of("SUG"), CaseStore.prefix(c, "Suggestion"));
        assertEquals(StatusKind.WAITING, CaseStore.kind(c, "Waiting on customer"));
        assertEquals(StatusKind.SOLVED, CaseStore.kind(c, "Solved"));
        assertEquals(StatusKind.CLOSED, CaseStore.kind(c, "Closed"));
        assertEquals(StatusKind.OPEN, CaseStore.kind(c, "New"));
        assertEquals(StatusKind.OPEN, CaseStore.kind(c, "Escalated"), "a status without a kind is open");
        CaseStore.setKind(c, "Escalated", StatusKind.WAITING);
        CaseStore.setKind(c, "New", StatusKind.OPEN);
        assertEquals(StatusKind.WAITING, CaseStore.kinds(c).get("Escalated"));
        CaseStore.setPrefix(c, "Complaint", "QJA");
        CaseStore.setPrefix(c, "Warranty", "WAR");
        assertEquals("QJA", CaseStore.prefixes(c).get("Complaint"));
        assertEquals("WAR", CaseStore.prefixes(c).get("Warranty"));
    }

    @Test
    void aDependencyChainIsFollowedToFindCyclesAndADeletedCaseIsUnlinked() throws SQLException {
        insert(c, 1);
        insert(c, 2);
        insert(c, 3);
        dependsOn(2, 1);
        dependsOn(3, 2);
        assertTrue(CaseStore.closesCycle(c, 1, 3), "1 -> 3 -> 2 -> 1");
        assertTrue(CaseStore.closesCycle(c, 1, 1));
        assertFalse(CaseStore.closesCycle(c, 3, 1));
        assertEquals(List.of(2L), CaseStore.dependents(c, 1, 10));
        CaseStore.unlinkDependents(c, 1);
        assertEquals(Optional.empty(), CaseStore.link(c, 2).orElseThrow().dependsOn());
        assertEquals(Optional.of(2L), CaseStore.link(c, 3).orElseThrow().dependsOn());
        CaseStore.setSla(c, 3, LocalDateTime.of(2026, 12, 7, 9, 40), "On track", 1);
        CaseStore.setSolvedAt(c, 3, LocalDateTime.of(2026, 12, 7, 10, 0));
        CaseStore.setSla(c, 3, null, null, null);
        CaseStore.setSolvedAt(c, 3, null);
    }

    private void dependsOn(long id, long on) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE CRM_CASE SET DEPENDS_ON_ID = ? WHERE ID = ?")) {
            ps.setLong(1, on);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    private static void insert(Connection to, long id) throws SQLException {
        try (PreparedStatement ps = to.prepareStatement("INSERT INTO CRM_CASE (ID, CASE_TYPE, SUBJECT, OWNER, "
                + "CREATED_AT, UPDATED_AT, VERSION) VALUES (?, 'Complaint', 'Late delivery', 'ana', ?, ?, 0)")) {
            Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 12, 5, 9, 0));
            ps.setLong(1, id);
            ps.setTimestamp(2, now);
            ps.setTimestamp(3, now);
            ps.executeUpdate();
        }
    }
}
