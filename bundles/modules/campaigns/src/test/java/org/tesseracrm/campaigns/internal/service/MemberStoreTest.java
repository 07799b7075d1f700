package org.tesseracrm.campaigns.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tesseracrm.campaigns.api.CampaignMember;
import org.tesseracrm.campaigns.api.CampaignResults;
import org.tesseracrm.campaigns.api.MemberState;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The module's changelog and its SQL on an in-memory Derby, as the distribution's default database runs them. */
class MemberStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private Connection c;

    @BeforeEach
    @SuppressWarnings("deprecation") // Liquibase.update(Contexts) is the short way for a test
    void migrated(TestInfo info) throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:campaigns" + info.getDisplayName().replaceAll("\\W", ""));
        dataSource.setCreateDatabase("create");
        c = dataSource.getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        new Liquibase("db/changelog/campaigns.yaml", new ClassLoaderResourceAccessor(), database).update(new Contexts());
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO CRM_CAMPAIGN (ID, NAME, OWNER, CREATED_AT, UPDATED_AT, "
                + "VERSION) VALUES (?, ?, 'ana', ?, ?, 1)")) {
            for (long id : new long[] {1, 2}) {
                ps.setLong(1, id);
                ps.setString(2, "Campaign " + id);
                ps.setTimestamp(3, Timestamp.from(NOW));
                ps.setTimestamp(4, Timestamp.from(NOW));
                ps.executeUpdate();
            }
        }
        MemberStore.setStatus(c, 1, "Draft", null);
        MemberStore.zero(c, 1);
    }

    private void add(long campaign, String... addresses) throws SQLException {
        List<Segment.Candidate> offered = java.util.Arrays.stream(addresses)
                .map(a -> new Segment.Candidate("contact", a.length(), a, a)).toList();
        MemberStore.insert(c, campaign, Segment.newMembers(MemberStore.addresses(c, campaign), offered), NOW);
    }

    @Test
    void oneMemberPerAddressAndCampaignAndTheDatabaseBacksItUp() throws SQLException {
        add(1, "ann@example.com", "Bob@example.com", "ANN@example.com");
        add(1, "bob@example.com", "carl@example.com");
        add(2, "ann@example.com");
        assertEquals(Set.of("ann@example.com", "bob@example.com", "carl@example.com"), MemberStore.addresses(c, 1));
        assertEquals(Set.of("ann@example.com"), MemberStore.addresses(c, 2));
        assertThrows(SQLException.class, () -> MemberStore.insert(c, 1, List.of(new Segment.Candidate("lead", 9,
                "ann@example.com", "Twice")), NOW));
    }

    @Test
    void statesTrackingAndResults() throws SQLException {
        add(1, "ann@example.com", "bob@example.com", "carl@example.com", "dora@example.com");
        List<CampaignMember> pending = MemberStore.pending(c, 1, 3);
        assertEquals(3, pending.size());
        CampaignMember ann = pending.get(0);
        MemberStore.queued(c, ann.id(), MemberState.QUEUED, 501L, NOW, "");
        MemberStore.queued(c, pending.get(1).id(), MemberState.QUEUED, 502L, NOW, "");
        MemberStore.queued(c, pending.get(2).id(), MemberState.SKIPPED, null, null, "x".repeat(600));
        assertEquals(1, MemberStore.pending(c, 1, 500).size());
        assertEquals(1, MemberStore.outboxState(c, 501, MemberState.SENT, ""));
        assertEquals(0, MemberStore.outboxState(c, 501, MemberState.FAILED, "late"), "a sent member stays sent");
        assertTrue(MemberStore.opened(c, ann.id(), NOW));
        assertFalse(MemberStore.opened(c, ann.id(), NOW.plusSeconds(60)));
        assertTrue(MemberStore.clicked(c, ann.id(), NOW));
        assertTrue(MemberStore.flag(c, pending.get(1).id(), "BOUNCED"));
        assertFalse(MemberStore.flag(c, pending.get(1).id(), "BOUNCED"));
        assertTrue(MemberStore.flag(c, ann.id(), "UNSUBSCRIBED"));
        CampaignMember read = MemberStore.byMessage(c, 501).orElseThrow();
        assertEquals(MemberState.SENT, read.state());
        assertEquals(2, read.opens());
        assertEquals(NOW, read.openedAt());
        assertEquals(500, MemberStore.get(c, pending.get(2).id()).orElseThrow().error().length());
        CampaignResults results = MemberStore.writeResults(c, 1);
        assertEquals(new CampaignResults(1, "Draft", 4, 1, 2, 0, 1, 1, 1, 1, 1), results);
        MemberStore.increment(c, 1, "OPENED");
        try (PreparedStatement ps = c.prepareStatement("SELECT RECIPIENTS, SENT, OPENED FROM CRM_CAMPAIGN WHERE ID = 1");
                java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            assertEquals(List.of(4L, 2L, 2L), List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
        }
        assertEquals(List.of("dora@example.com"), MemberStore.list(c, 1, 3, 10).stream().map(CampaignMember::address).toList());
        assertTrue(MemberStore.deletePending(c, 1, MemberStore.pending(c, 1, 1).get(0).id()));
        assertFalse(MemberStore.deletePending(c, 1, ann.id()), "only a pending member is removed");
    }

    @Test
    void aMergedCampaignsMembersJoinTheSurvivorButTheAddressesItHas() throws SQLException {
        add(1, "ann@example.com", "bob@example.com");
        add(2, "bob@example.com", "carl@example.com");
        MemberStore.move(c, 2, 1);
        assertEquals(Set.of("ann@example.com", "bob@example.com", "carl@example.com"), MemberStore.addresses(c, 1));
        assertEquals(Set.of(), MemberStore.addresses(c, 2));
        MemberStore.delete(c, 1);
        assertEquals(Set.of(), MemberStore.addresses(c, 1));
    }

    @Test
    void theTrackingKeyIsStoredOnce() throws SQLException {
        assertTrue(MemberStore.secret(c, "tracking").isEmpty());
        MemberStore.insertSecret(c, "tracking", "sealed", NOW);
        assertEquals("sealed", MemberStore.secret(c, "tracking").orElseThrow());
        assertThrows(SQLException.class, () -> MemberStore.insertSecret(c, "tracking", "other", NOW));
    }
}
