package org.tesseracrm.automation.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tesseracrm.automation.api.RuleRun;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.automation.Rule;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.automation.TimeSpan;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;

import liquibase.Contexts;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** The engine's changelog and SQL on an in-memory Derby, as the distribution's default database runs them. */
class RuleStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Rule RULE = new Rule(7, 1, "First filter", "lead", "record.fieldChanged",
            Map.of("field", "status", "to", "New"), new Criteria(Criteria.Match.ANY, List.of(
                    Filter.of("source", FilterOp.EQUALS, "Web"), new Filter("createdAt", FilterOp.BETWEEN,
                            List.of("", "today-90days")))),
            List.of(RuleAction.of("notification.send", Map.of("to", "owner", "title", "Call \"them\" ñ")),
                    new RuleAction("record.updateField", Map.of("field", "status", "value", "Working"),
                            Optional.of(TimeSpan.parse("3 days")))),
            Rule.Repeat.ONCE_PER_RECORD, true);

    private Connection c;

    @BeforeEach
    @SuppressWarnings("deprecation") // Liquibase.update(Contexts) is the short way for a test
    void migrated(TestInfo info) throws Exception {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:automation" + info.getDisplayName().replaceAll("\\W", ""));
        dataSource.setCreateDatabase("create");
        c = dataSource.getConnection();
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
        new Liquibase("db/changelog/automation-rules.yaml", new ClassLoaderResourceAccessor(), database)
                .update(new Contexts());
        c.setAutoCommit(false);
    }

    @Test
    void aRuleReadsBackAsSavedAndVersionsOnlyFromTheCurrentOne() throws SQLException {
        RuleStore.insertRule(c, RULE, "ana", T0);
        StoredRule stored = RuleStore.rule(c, 7).orElseThrow();
        assertEquals(RULE, stored.rule());
        assertEquals("ana", stored.savedBy());
        assertEquals(T0, stored.savedAt());
        Rule v2 = new Rule(7, 2, "First filter (web)", "lead", "record.created", Map.of(), Criteria.none(),
                List.of(RuleAction.of("notification.send", Map.of("title", "x"))), Rule.Repeat.EVERY_TIME, true);
        assertTrue(RuleStore.updateRule(c, v2, "bo", T0.plusSeconds(60)));
        assertFalse(RuleStore.updateRule(c, v2, "cy", T0.plusSeconds(90)), "version 2 again: stale");
        assertEquals(v2, RuleStore.rule(c, 7).orElseThrow().rule());
        assertEquals(List.of(2, 1), RuleStore.versions(c, 7, true).stream().map(v -> v.rule().version()).toList());
        assertEquals(RULE, RuleStore.version(c, 7, 1).orElseThrow());
        assertEquals(List.of("First filter (web)"), RuleStore.rules(c).stream().map(r -> r.rule().name()).toList());
    }

    @Test
    void theStampMovesOnEverySwitch() throws SQLException {
        String empty = RuleStore.stamp(c);
        RuleStore.insertRule(c, RULE, "ana", T0);
        String one = RuleStore.stamp(c);
        assertNotEquals(empty, one);
        assertTrue(RuleStore.setActive(c, 7, false, T0.plusSeconds(1)));
        assertNotEquals(one, RuleStore.stamp(c));
        assertFalse(RuleStore.rule(c, 7).orElseThrow().rule().active());
        assertFalse(RuleStore.version(c, 7, 1).orElseThrow().active(), "a version reads the rule's switch");
        assertFalse(RuleStore.setActive(c, 8, true, T0));
    }

    @Test
    void runsKeepTheirStepsAndTheLogIsNewestFirst() throws SQLException {
        RuleStore.insertRule(c, RULE, "ana", T0);
        for (long id = 1; id <= 3; id++) {
            RuleStore.insertRun(c, new StoredRun(id, 7, 1, "lead", 40 + id, "record.fieldChanged", "ana",
                    Map.of("field", "status", "to", "New"), 1, RuleRun.Status.QUEUED, T0.plusSeconds(id),
                    Optional.empty(), ""));
        }
        assertEquals(0, RuleStore.lastStep(c, 2));
        RuleStore.insertStep(c, 2, 1, "notification.send", "DONE", "Notified ana", T0.plusSeconds(5));
        RuleStore.insertStep(c, 2, 2, "record.updateField", "FAILED", "x".repeat(3000), T0.plusSeconds(6));
        assertEquals(2, RuleStore.lastStep(c, 2));
        RuleStore.updateRun(c, 2, RuleRun.Status.FAILED, Optional.of(T0.plusSeconds(6)), "Action 2 failed");
        RuleStore.updateRun(c, 3, RuleRun.Status.WAITING, Optional.empty(), "Waiting for x");
        assertEquals(List.of(3L), RuleStore.runIds(c, RuleRun.Status.WAITING, 10));

        List<RuleRun> log = RuleStore.runLog(c, 7, 10);
        assertEquals(List.of(3L, 2L, 1L), log.stream().map(RuleRun::id).toList());
        RuleRun failed = log.get(1);
        assertEquals(RuleRun.Status.FAILED, failed.status());
        assertEquals(Optional.of(T0.plusSeconds(6)), failed.finishedAt());
        assertEquals(List.of("DONE", "FAILED"), failed.steps().stream().map(RuleRun.Step::outcome).toList());
        assertEquals(RuleStore.MAX_MESSAGE, failed.steps().get(1).message().length(), "a long message is cut");
        StoredRun stored = RuleStore.run(c, 2).orElseThrow();
        assertEquals(Map.of("field", "status", "to", "New"), stored.event().details());
        assertEquals(42, stored.event().recordId());
        assertEquals(1, RuleStore.runLog(c, 7, 1).size());
    }

    @Test
    void aRecordIsMarkedOncePerRule() throws SQLException {
        assertTrue(RuleStore.markOnce(c, 7, "lead", 42));
        assertFalse(RuleStore.markOnce(c, 7, "lead", 42));
        assertTrue(RuleStore.markOnce(c, 7, "contact", 42));
        assertTrue(RuleStore.markOnce(c, 8, "lead", 42));
    }

    @Test
    void deletingARuleDeletesItsVersionsRunsStepsAndMarks() throws SQLException {
        RuleStore.insertRule(c, RULE, "ana", T0);
        RuleStore.insertRun(c, new StoredRun(1, 7, 1, "lead", 42, "record.created", "ana", Map.of(), 1,
                RuleRun.Status.DONE, T0, Optional.of(T0), ""));
        RuleStore.insertStep(c, 1, 1, "notification.send", "DONE", "", T0);
        RuleStore.markOnce(c, 7, "lead", 42);
        assertTrue(RuleStore.deleteRule(c, 7));
        assertFalse(RuleStore.deleteRule(c, 7));
        for (String table : List.of("AUTOMATION_RULE", "AUTOMATION_RULE_VERSION", "AUTOMATION_RUN",
                "AUTOMATION_RUN_STEP", "AUTOMATION_RULE_RECORD")) {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1), table);
            }
        }
    }

    @Test
    void idsComeFromTheModulesGenerator() throws SQLException {
        assertEquals(1, ModuleSql.reserveIds(c, RuleStore.RULE_IDS, 1));
        assertEquals(1, ModuleSql.reserveIds(c, RuleStore.RUN_IDS, 20));
        assertEquals(21, ModuleSql.reserveIds(c, RuleStore.RUN_IDS, 20));
    }
}
