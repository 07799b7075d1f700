package org.tesseracrm.opportunities.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tesseracrm.opportunities.api.OpportunityContact;
import org.tesseracrm.opportunities.api.Phase;
import org.tesseracrm.opportunities.api.PhaseChange;
import org.tesseracrm.opportunities.api.PhaseKind;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The module's changelog and its SQL on an in-memory Derby, as the distribution's default database runs them. */
class PhaseStoreTest {
    private Connection c;

    @BeforeEach
    @SuppressWarnings("deprecation") // Liquibase.update(Contexts) is the short way for a test
    void migrated(TestInfo info) throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:" + info.getDisplayName().replaceAll("\\W", ""));
        dataSource.setCreateDatabase("create");
        c = dataSource.getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        new Liquibase("db/changelog/opportunities.yaml", new ClassLoaderResourceAccessor(), database)
                .update(new Contexts());
        c.setAutoCommit(false);
    }

    @Test
    void theUsualPhasesAreSeededInOrder() throws SQLException {
        List<Phase> phases = PhaseStore.phases(c);
        assertEquals(List.of("Prospecting", "Qualification", "Needs analysis", "Proposal", "Negotiation", "Closed won",
                "Closed lost"), phases.stream().map(Phase::name).toList());
        assertEquals(List.of(10, 20, 40, 60, 80, 100, 0), phases.stream().map(Phase::probability).toList());
        assertEquals(PhaseKind.WON, phases.get(5).kind());
        assertEquals(PhaseKind.LOST, phases.get(6).kind());
        assertTrue(phases.stream().allMatch(Phase::active));
        Phase added = PhaseStore.insert(c, "Demo", 7, 30, PhaseKind.OPEN);
        assertEquals(8, added.id(), "ids continue after the seeded phases");
    }

    @Test
    void aProbabilityChangeRecomputesTheExpectedAmountsOfThePhaseOnly() throws SQLException {
        opportunity(1, "Proposal", "1000.00");
        opportunity(2, "Proposal", "61.73");
        opportunity(3, "Proposal", null);
        opportunity(4, "Negotiation", "500.00");
        assertEquals(2, PhaseStore.recompute(c, "Proposal", 20));
        assertEquals("200.00", expected(1));
        assertEquals("12.35", expected(2));
        assertEquals("9.99", expected(3), "no amount: not touched (the lifecycle keeps such rows without one)");
        assertEquals("9.99", expected(4), "another phase is left alone");
        assertEquals(0, PhaseStore.recompute(c, "Proposal", 20), "nothing changes twice");
        assertEquals(3, PhaseStore.uses(c, "Proposal"));
    }

    @Test
    void renamingAPhaseCarriesItsOpportunitiesAndHistory() throws SQLException {
        opportunity(1, "Proposal", "10.00");
        LocalDateTime at = LocalDateTime.of(2026, 12, 1, 9, 0);
        PhaseStore.addHistory(c, 1, "", "Qualification", "ada", at);
        PhaseStore.addHistory(c, 1, "Qualification", "Proposal", "bob", at.plusHours(2));
        PhaseStore.rename(c, "Proposal", "Quote");
        assertEquals(1, PhaseStore.uses(c, "Quote"));
        List<PhaseChange> history = PhaseStore.history(c, 1);
        assertEquals(List.of("Qualification", "Quote"), history.stream().map(PhaseChange::to).toList());
        assertEquals("bob", history.get(1).by());
        assertEquals(at.plusHours(2), history.get(1).at());
        PhaseStore.deleteOpportunity(c, 1);
        assertTrue(PhaseStore.history(c, 1).isEmpty());
    }

    @Test
    void contactRolesAreReplacedMovedOnMergeAndGoWithTheContact() throws SQLException {
        PhaseStore.putContact(c, 1, 10, "Buyer");
        PhaseStore.putContact(c, 1, 10, "Decision maker");
        PhaseStore.putContact(c, 2, 10, "");
        PhaseStore.putContact(c, 2, 11, "User");
        PhaseStore.putContact(c, 3, 11, "User");
        assertEquals(List.of(new OpportunityContact(1, 10, "Decision maker")), PhaseStore.contacts(c, "OPPORTUNITY_ID", 1));
        // 11 merged into 10: 10 keeps its role in opportunity 2 and takes 11's in 3
        PhaseStore.mergeContact(c, 11, 10);
        assertEquals(List.of(new OpportunityContact(1, 10, "Decision maker"), new OpportunityContact(2, 10, ""),
                new OpportunityContact(3, 10, "User")), PhaseStore.contacts(c, "CONTACT_ID", 10));
        PhaseStore.deleteContact(c, 10);
        assertTrue(PhaseStore.contacts(c, "CONTACT_ID", 10).isEmpty());
    }

    @Test
    void theExpectedAmountIsWrittenAndCleared() throws SQLException {
        opportunity(1, "Proposal", "10.00");
        PhaseStore.setExpected(c, 1, Optional.of(new BigDecimal("6.00")));
        assertEquals("6.00", expected(1));
        PhaseStore.setExpected(c, 1, Optional.empty());
        assertEquals(null, expected(1));
        PhaseStore.setText(c, 1, "CURRENCY", "USD");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT CURRENCY FROM CRM_OPPORTUNITY")) {
            rs.next();
            assertEquals("USD", rs.getString(1));
        }
    }

    private void opportunity(long id, String phase, String amount) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO CRM_OPPORTUNITY (ID, NAME, PHASE, AMOUNT, EXPECTED_AMOUNT,"
                + " OWNER, CREATED_AT, UPDATED_AT, VERSION) VALUES (?, ?, ?, ?, ?, 'ada', CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP, 1)")) {
            s.setLong(1, id);
            s.setString(2, "Deal " + id);
            s.setString(3, phase);
            s.setBigDecimal(4, amount == null ? null : new BigDecimal(amount));
            s.setBigDecimal(5, new BigDecimal("9.99"));
            s.executeUpdate();
        }
    }

    private String expected(long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT EXPECTED_AMOUNT FROM CRM_OPPORTUNITY WHERE ID = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                BigDecimal value = rs.getBigDecimal(1);
                return value == null ? null : value.toPlainString();
            }
        }
    }
}
