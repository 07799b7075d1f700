package org.tesseracrm.faq.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tesseracrm.faq.api.FaqFields;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The module's changelog and its SQL on an in-memory Derby, as the distribution's default database runs them. */
class FaqStoreTest {
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    private Connection c;

    @BeforeEach
    @SuppressWarnings("deprecation") // Liquibase.update(Contexts) is the short way for a test
    void migrated(TestInfo info) throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:faq" + info.getDisplayName().replaceAll("\\W", ""));
        dataSource.setCreateDatabase("create");
        c = dataSource.getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        new Liquibase("db/changelog/faq.yaml", new ClassLoaderResourceAccessor(), database).update(new Contexts());
        c.setAutoCommit(false);
    }

    @Test
    void publishedFaqsAreRankedByMatchedWordsThenCasesSolved() throws SQLException {
        faq(1, "How do I reset my password?", FaqFields.PUBLISHED);
        faq(2, "Password reset e-mail never arrives", FaqFields.PUBLISHED);
        faq(3, "Reset the password of another user", FaqFields.DRAFT);
        faq(4, "Change the invoice address", FaqFields.PUBLISHED);
        FaqStore.link(c, 1, 100, "ann", NOW);
        Set<String> words = FaqWords.of("Customer cannot reset password, e-mail not received", 30);
        List<FaqRanking.Candidate> found = FaqStore.matching(c, words, 10);
        assertEquals(List.of(2L, 1L), found.stream().map(FaqRanking.Candidate::id).toList(),
                "2 holds password, reset and mail; 1 only two; the draft and the invoice not at all");
        assertEquals(3, found.get(0).matches());
        assertEquals(1, found.get(1).timesUsed());
        faq(5, "Reset password for single sign-on", FaqFields.PUBLISHED);
        assertEquals(List.of(2L, 1L, 5L), FaqStore.matching(c, words, 10).stream().map(FaqRanking.Candidate::id)
                .toList(), "with as many words, the FAQ that solved a case comes first");
        assertEquals(1, FaqStore.matching(c, words, 1).size());
    }

    @Test
    void aFaqIsAttachedToACaseOnceAndCountsItsCases() throws SQLException {
        faq(1, "Refunds", FaqFields.PUBLISHED);
        assertTrue(FaqStore.link(c, 1, 100, "ann", NOW));
        assertFalse(FaqStore.link(c, 1, 100, "bob", NOW.plusSeconds(5)), "the same case counts once");
        assertTrue(FaqStore.link(c, 1, 101, "bob", NOW));
        assertEquals(2, timesUsed(1));
        assertEquals(List.of(1L), FaqStore.attached(c, 100));
        assertTrue(FaqStore.unlink(c, 1, 100));
        assertFalse(FaqStore.unlink(c, 1, 100));
        assertEquals(1, timesUsed(1));
        FaqStore.forget(c, 1);
        assertEquals(List.of(), FaqStore.attached(c, 101));
        assertEquals(List.of(), FaqStore.matching(c, Set.of("refunds"), 5));
    }

    private void faq(long id, String question, String status) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO CRM_FAQ (ID, QUESTION, ANSWER, STATUS,"
                + " TIMES_USED, OWNER, CREATED_AT, UPDATED_AT, VERSION) VALUES (?, ?, '', ?, 0, 'ann', ?, ?, 0)")) {
            Timestamp now = Timestamp.valueOf(LocalDateTime.of(2026, 12, 5, 10, 0));
            insert.setLong(1, id);
            insert.setString(2, question);
            insert.setString(3, status);
            insert.setTimestamp(4, now);
            insert.setTimestamp(5, now);
            insert.executeUpdate();
        }
        FaqStore.index(c, id, FaqWords.of(question, FaqLifecycle.MOST_WORDS));
    }

    private long timesUsed(long id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT TIMES_USED FROM CRM_FAQ WHERE ID = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
