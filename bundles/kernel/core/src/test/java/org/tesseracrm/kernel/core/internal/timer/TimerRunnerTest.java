package org.tesseracrm.kernel.core.internal.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tesseracrm.kernel.api.module.HealthStatus;
import org.tesseracrm.kernel.api.persistence.ModuleSql;
import org.tesseracrm.kernel.api.timer.TimerCounts;
import org.tesseracrm.kernel.api.timer.TimerHandler;
import org.tesseracrm.kernel.api.timer.TimerInfo;
import org.tesseracrm.kernel.api.timer.TimerState;
import org.tesseracrm.kernel.core.internal.security.CallerContextImpl;

/**
 * The claim, run, retry and reclaim rules on a real (in-memory Derby) table with the columns of
 * changeset kernel-006-timers, with two "nodes" (runners of different names) on one database and a
 * clock the test moves.
 */
class TimerRunnerTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private static final Duration STALE = Duration.ofMinutes(15);

    private final MovableClock clock = new MovableClock();
    private final Map<String, TimerRunner.Registered> handlers = new ConcurrentHashMap<>();
    private final List<String> fired = new CopyOnWriteArrayList<>();
    private EmbeddedDataSource dataSource;
    private TestScope scope;
    private TimerStore store;

    @BeforeEach
    void freshTable(TestInfo info) throws SQLException {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:timers-" + info.getTestMethod().orElseThrow().getName());
        dataSource.setCreateDatabase("create");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE KERNEL_ID_GEN (GEN_NAME VARCHAR(50) PRIMARY KEY, GEN_VALUE BIGINT)");
            s.execute("INSERT INTO KERNEL_ID_GEN VALUES ('TIMER', 0)");
            s.execute("CREATE TABLE CRM_TIMER (ID BIGINT PRIMARY KEY, HANDLER VARCHAR(100) NOT NULL,"
                    + " TIMER_KEY VARCHAR(200) NOT NULL, DUE_AT TIMESTAMP NOT NULL, PAYLOAD VARCHAR(4000),"
                    + " STATE VARCHAR(10) NOT NULL, ATTEMPTS INT DEFAULT 0 NOT NULL, LAST_ERROR VARCHAR(1000),"
                    + " CLAIMED_BY VARCHAR(200), CLAIMED_AT TIMESTAMP, VERSION BIGINT DEFAULT 0 NOT NULL,"
                    + " CREATED_AT TIMESTAMP NOT NULL, CONSTRAINT UQ_CRM_TIMER_KEY UNIQUE (HANDLER, TIMER_KEY))");
            s.execute("CREATE INDEX IX_CRM_TIMER_DUE ON CRM_TIMER (STATE, DUE_AT)");
            s.execute("CREATE TABLE T_SENT (KEY_SENT VARCHAR(20) NOT NULL)");
        }
        scope = new TestScope(dataSource);
        store = new TimerStore(scope.dataSource(), clock, scope);
    }

    @Test
    void aDueTimerRunsOnceWithItsPayloadAndIsGone() {
        handle("mail.send", t -> fired.add(t.key() + "/" + t.payload() + "/" + t.attempt()));
        long id = store.schedule("mail.send", "42", T0.plusSeconds(60), "to=ada");
        TimerRunner node = runner("a", 5, Duration.ofSeconds(1));

        assertEquals(0, node.look(), "not due yet");
        clock.at = T0.plusSeconds(60);
        assertEquals(1, node.look());
        assertEquals(0, node.look());
        assertEquals(List.of("42/to=ada/1"), fired);
        assertEquals(Optional.empty(), store.byId(id));
    }

    @Test
    void ofTwoNodesReadingTheSameDueRowOnlyTheFirstClaimCounts() {
        store.schedule("mail.send", "42", T0, "");
        TimerStore.Row seenByA = store.due(List.of("mail.send"), T0.minus(STALE), "a", 10).get(0);
        TimerStore.Row seenByB = store.due(List.of("mail.send"), T0.minus(STALE), "b", 10).get(0);

        Optional<TimerStore.Claim> a = store.claim(seenByA, "a");
        Optional<TimerStore.Claim> b = store.claim(seenByB, "b");

        assertTrue(a.isPresent());
        assertEquals(Optional.empty(), b, "B's update must match no row: A changed its version");
        TimerInfo row = store.byId(seenByA.info().id()).orElseThrow().info();
        assertEquals(TimerState.RUNNING, row.state());
        assertEquals(Optional.of("a"), row.claimedBy());
        assertEquals(1, row.attempts());
        assertEquals(List.of(), store.due(List.of("mail.send"), T0.minus(STALE), "b", 10), "B sees nothing to run");
    }

    @Test
    void aFailingHandlerIsRetriedLaterAndLaterThenMarkedFailedUntilAnAdminRetries() {
        handle("hook.post", t -> {
            fired.add("attempt " + t.attempt());
            throw new IllegalStateException("remote said 503");
        });
        long id = store.schedule("hook.post", "7", T0, "");
        TimerRunner node = runner("a", 3, Duration.ofSeconds(10));

        assertEquals(1, node.look());
        TimerInfo first = store.byId(id).orElseThrow().info();
        assertEquals(TimerState.PENDING, first.state());
        assertEquals(T0.plusSeconds(10), first.dueAt());
        assertEquals(Optional.of("IllegalStateException: remote said 503"), first.lastError());
        assertEquals(new TimerCounts(1, 0, 0, 1), store.counts());

        clock.at = T0.plusSeconds(9);
        assertEquals(0, node.look(), "the retry waits for its time");
        clock.at = T0.plusSeconds(10);
        assertEquals(1, node.look());
        assertEquals(T0.plusSeconds(30), store.byId(id).orElseThrow().info().dueAt(), "twice the first delay");
        clock.at = T0.plusSeconds(30);
        assertEquals(1, node.look());

        TimerInfo failed = store.byId(id).orElseThrow().info();
        assertEquals(TimerState.FAILED, failed.state());
        assertEquals(3, failed.attempts());
        assertEquals(List.of("attempt 1", "attempt 2", "attempt 3"), fired);
        clock.at = T0.plusSeconds(3600);
        assertEquals(0, node.look(), "a failed timer waits for an administrator");
        assertEquals(new TimerCounts(0, 0, 1, 0), store.counts());
        assertEquals(List.of(failed), store.list(TimerState.FAILED, 10));

        TimerStore.Row before = store.byId(id).orElseThrow();
        TimerInfo retried = store.retry(before).orElseThrow();
        assertEquals(retried, store.byId(id).orElseThrow().info(), "what retry returns is what the table holds");
        assertEquals(Optional.empty(), store.retry(before), "a second retry of the same read finds the row changed");
        assertEquals(TimerState.PENDING, retried.state());
        assertEquals(0, retried.attempts());
        assertEquals(clock.at, retried.dueAt());
        assertEquals(1, node.look());
        assertEquals("attempt 1", fired.get(3), "counted from one again");
    }

    @Test
    void aTimerWaitsWhileItsHandlerIsAbsentAndRunsWhenItComesBack() {
        store.schedule("reports.weekly", "sales", T0.minusSeconds(3600), "");
        TimerRunner node = runner("a", 5, Duration.ofSeconds(1));

        assertEquals(0, node.look());
        assertEquals(TimerState.PENDING, store.find("reports.weekly", "sales").orElseThrow().info().state());
        assertEquals(0, store.find("reports.weekly", "sales").orElseThrow().info().attempts(), "no attempt counted");

        handle("reports.weekly", t -> fired.add(t.key()));
        assertEquals(1, node.look());
        assertEquals(List.of("sales"), fired);
    }

    @Test
    void aTimerThatCameDueWhileTheCrmWasDownRunsOnTheFirstLookAfterStart() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // written by an earlier run of the CRM, due an hour before this start
            s.execute("INSERT INTO CRM_TIMER (ID, HANDLER, TIMER_KEY, DUE_AT, PAYLOAD, STATE, ATTEMPTS, VERSION, CREATED_AT)"
                    + " VALUES (900, 'mail.send', 'x', TIMESTAMP('2026-12-04 09:00:00'), '', 'PENDING', 0, 3,"
                    + " TIMESTAMP('2026-12-04 08:00:00'))");
        }
        handle("mail.send", t -> fired.add(t.id() + " due " + t.dueAt()));
        assertEquals(1, runner("a", 5, Duration.ofSeconds(1)).look());
        assertEquals(List.of("900 due 2026-12-04T09:00:00Z"), fired);
    }

    @Test
    void aClaimOfADeadNodeIsTakenOverOnlyWhenStaleAndOneOfThisNodesEarlierRunAtOnce() {
        handle("mail.send", t -> fired.add(t.key() + " attempt " + t.attempt()));
        store.schedule("mail.send", "of-b", T0, "");
        store.schedule("mail.send", "of-a", T0, "");
        TimerStore.Claim ofB = store.claim(store.find("mail.send", "of-b").orElseThrow(), "b").orElseThrow();
        store.claim(store.find("mail.send", "of-a").orElseThrow(), "a").orElseThrow(); // then "a" was killed
        TimerRunner restartedA = runner("a", 5, Duration.ofSeconds(1));

        assertEquals(1, restartedA.look(), "its own orphan at once");
        assertEquals(List.of("of-a attempt 2"), fired);
        clock.at = T0.plus(STALE).minusSeconds(1);
        assertEquals(0, restartedA.look(), "b may still be running it");
        clock.at = T0.plus(STALE).plusSeconds(1);
        assertEquals(1, restartedA.look());
        assertEquals("of-b attempt 2", fired.get(1));
        assertFalse(store.done(ofB), "b's late completion changes nothing");
    }

    @Test
    void rescheduledDuringItsRunTheTimerStaysWithTheNewTime() {
        handle("activities.reminders", t -> store.schedule("activities.reminders", "look", T0.plusSeconds(5), "next"));
        store.schedule("activities.reminders", "look", T0, "first");
        TimerRunner node = runner("a", 5, Duration.ofSeconds(1));

        assertEquals(1, node.look());
        TimerInfo next = store.find("activities.reminders", "look").orElseThrow().info();
        assertEquals(TimerState.PENDING, next.state());
        assertEquals(T0.plusSeconds(5), next.dueAt());
        assertEquals("next", next.payload());
    }

    @Test
    void anErrorThrownByAHandlerIsRecordedAndTheLookGoesOn() {
        handle("broken", t -> {
            throw new NoClassDefFoundError("org/example/Gone");
        });
        handle("fine", t -> fired.add(t.key()));
        store.schedule("broken", "1", T0, "");
        store.schedule("fine", "2", T0.plusMillis(1), "");
        clock.at = T0.plusSeconds(1);

        assertEquals(2, runner("a", 1, Duration.ofSeconds(1)).look());
        assertEquals(List.of("2"), fired);
        TimerInfo broken = store.find("broken", "1").orElseThrow().info();
        assertEquals(TimerState.FAILED, broken.state());
        assertEquals(Optional.of("NoClassDefFoundError: org/example/Gone"), broken.lastError());
    }

    @Test
    void whatAHandlerWritesCommitsWithTheTimersCompletionOrRollsBackWithItsFailure() {
        handle("mail.send", t -> {
            ModuleSql.update(scope.dataSource(), "INSERT INTO T_SENT VALUES (?)", List.of(t.key()));
            if (t.key().equals("bad")) {
                throw new IllegalStateException("bounced");
            }
        });
        store.schedule("mail.send", "good", T0, "");
        store.schedule("mail.send", "bad", T0, "");

        assertEquals(2, runner("a", 3, Duration.ofSeconds(1)).look());

        assertEquals(List.of("good"), ModuleSql.query(dataSource, "SELECT KEY_SENT FROM T_SENT", List.of(), 10,
                rs -> rs.getString(1)), "the failed run's insert was rolled back");
        assertEquals(Optional.empty(), store.find("mail.send", "good"));
        assertEquals(Optional.of("IllegalStateException: bounced"), store.find("mail.send", "bad").orElseThrow().info().lastError());
    }

    @Test
    void healthIsDegradedWhileAFailedTimerWaitsAndDownWhenTheTableCannotBeRead() throws SQLException {
        handle("hook.post", t -> {
            throw new IllegalStateException("remote said 503");
        });
        TimerRunner node = runner("a", 1, Duration.ofSeconds(1));
        node.look();
        assertEquals(HealthStatus.up(), node.health());

        store.schedule("hook.post", "7", T0, "");
        node.look();
        assertEquals(HealthStatus.State.DEGRADED, node.health().state());
        assertTrue(node.health().detail().startsWith("1 timer has failed and waits for an administrator"), node.health().detail());

        assertTrue(store.cancel("hook.post", "7"));
        node.look();
        assertEquals(HealthStatus.up(), node.health());

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("RENAME TABLE CRM_TIMER TO CRM_TIMER_AWAY");
        }
        assertEquals(0, node.look(), "the look ends quietly");
        assertEquals(HealthStatus.State.DOWN, node.health().state());
    }

    @Test
    void schedulingTheSameKeyAgainReplacesThePendingTimerAndCancelRemovesIt() {
        long first = store.schedule("mail.send", "42", T0.plusSeconds(60), "a");
        long again = store.schedule("mail.send", "42", T0.plusSeconds(120), "b");
        assertEquals(first, again);
        TimerInfo info = store.find("mail.send", "42").orElseThrow().info();
        assertEquals(T0.plusSeconds(120), info.dueAt());
        assertEquals("b", info.payload());
        assertTrue(store.cancel("mail.send", "42"));
        assertFalse(store.cancel("mail.send", "42"));
        assertEquals(new TimerCounts(0, 0, 0, 0), store.counts());
    }

    private TimerRunner runner(String node, int attempts, Duration firstDelay) {
        return new TimerRunner(store, scope, () -> Map.copyOf(handlers), new CallerContextImpl(),
                new Backoff(attempts, firstDelay), STALE, node);
    }

    private void handle(String name, TimerHandler handler) {
        handlers.put(name, new TimerRunner.Registered(handler, "org.example.test"));
    }

    private static final class MovableClock extends Clock {
        Instant at = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return at;
        }
    }
}
