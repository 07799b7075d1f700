package org.tesseracrm.kernel.core.internal.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.osgi.framework.ServiceReference;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.timer.TimerHandler;
import org.tesseracrm.kernel.api.timer.TimerState;
import org.tesseracrm.kernel.api.timer.Timers;
import org.tesseracrm.kernel.core.internal.security.CallerContextImpl;

/**
 * The service around the table: input checks, the administrator's permission, a look right after a
 * handler arrives or a timer is scheduled to be due now (the poll interval here is an hour), and the
 * thread ending on deactivate.
 */
class TimerServiceTest {
    private final CallerContextImpl callers = new CallerContextImpl();
    private boolean admin;
    private TimerService service;
    private TestScope scope;

    @BeforeEach
    void start(TestInfo info) throws SQLException {
        EmbeddedDataSource dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:timer-service-" + info.getTestMethod().orElseThrow().getName());
        dataSource.setCreateDatabase("create");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE KERNEL_ID_GEN (GEN_NAME VARCHAR(50) PRIMARY KEY, GEN_VALUE BIGINT)");
            s.execute("INSERT INTO KERNEL_ID_GEN VALUES ('TIMER', 0)");
            s.execute("CREATE TABLE CRM_TIMER (ID BIGINT PRIMARY KEY, HANDLER VARCHAR(100) NOT NULL,"
                    + " TIMER_KEY VARCHAR(200) NOT NULL, DUE_AT TIMESTAMP NOT NULL, PAYLOAD VARCHAR(4000),"
                    + " STATE VARCHAR(10) NOT NULL, ATTEMPTS INT DEFAULT 0 NOT NULL, LAST_ERROR VARCHAR(1000),"
                    + " CLAIMED_BY VARCHAR(200), CLAIMED_AT TIMESTAMP, VERSION BIGINT DEFAULT 0 NOT NULL,"
                    + " CREATED_AT TIMESTAMP NOT NULL, CONSTRAINT UQ_CRM_TIMER_KEY UNIQUE (HANDLER, TIMER_KEY))");
        }
        scope = new TestScope(dataSource);
        service = new TimerService(new TimerStore(scope.dataSource(), Clock.systemUTC(), scope), scope, callers, access(), config());
    }

    @AfterEach
    void stop() throws InterruptedException {
        service.stop();
    }

    @Test
    void aHandlerThatArrivesRunsItsWaitingTimerAtOnceAndOneScheduledDueNowRunsAtOnce() throws Exception {
        service.schedule("it.waiting", "1", Instant.now().minusSeconds(60), "");
        CountDownLatch ran = new CountDownLatch(2);
        TimerHandler handler = t -> ran.countDown();
        service.bindHandler(handler, reference("it.waiting"));
        service.schedule("it.waiting", "2", Instant.now(), "");
        assertTrue(ran.await(10, TimeUnit.SECONDS), "without waiting for the hour-long poll");
        assertTrue(eventually(() -> service.find("it.waiting", "2").isEmpty()));
    }

    @Test
    void aHandlerThatTakesLongDelaysOnlyItsOwnTimersNotAnotherHandlers() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch fastRan = new CountDownLatch(1);
        service.bindHandler(t -> {
            slowStarted.countDown();
            release.await(30, TimeUnit.SECONDS);
        }, reference("it.slow"));
        service.bindHandler(t -> fastRan.countDown(), reference("it.fast"));
        try {
            service.schedule("it.slow", "1", Instant.now(), "");
            assertTrue(slowStarted.await(10, TimeUnit.SECONDS));
            service.schedule("it.fast", "1", Instant.now(), "");
            assertTrue(fastRan.await(10, TimeUnit.SECONDS), "the fast handler's timer ran while the slow one still runs");
            assertEquals(1, release.getCount(), "the slow handler had not finished");
        } finally {
            release.countDown();
        }
        assertTrue(eventually(() -> service.find("it.slow", "1").isEmpty()));
    }

    @Test
    void changesThatScheduleTimersDoNotWaitForEachOthersCommit() throws Exception {
        CountDownLatch scheduled = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Instant later = Instant.now().plusSeconds(3600);
        Thread open = new Thread(() -> scope.required(c -> {
            service.schedule("it.open", "1", later, "");
            scheduled.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        open.start();
        long millis;
        try {
            assertTrue(scheduled.await(10, TimeUnit.SECONDS));
            long begin = System.nanoTime();
            scope.required(c -> { // more timers than one block of ids, while the first change is still open
                for (int i = 0; i < 120; i++) {
                    service.schedule("it.other", Integer.toString(i), later, "");
                }
                return null;
            });
            millis = (System.nanoTime() - begin) / 1_000_000;
        } finally {
            release.countDown();
            open.join();
        }
        // Ids taken in the change's own transaction kept the id row locked until its commit: the second change
        // waited for the first one's 30 s.
        assertTrue(millis < 10_000, "the second change waited " + millis + " ms for the first one's commit");
        assertTrue(service.find("it.open", "1").isPresent());
        assertTrue(service.find("it.other", "119").isPresent());
    }

    @Test
    void badInputIsRefusedFieldByField() {
        ValidationException refused = assertThrows(ValidationException.class,
                () -> service.schedule(" ", "k".repeat(Timers.MAX_KEY + 1), null, "p".repeat(Timers.MAX_PAYLOAD + 1)));
        assertEquals(List.of("handler", "key", "payload", "dueAt"), refused.errors().stream().map(e -> e.field()).toList());
        assertThrows(ValidationException.class, () -> service.schedule("h", "k", Instant.now(), null));
    }

    @Test
    void onlyAnAdministratorCountsListsAndRetriesAndOnlyFailedTimersAreRetried() {
        long id = service.schedule("it.absent", "1", Instant.now().plusSeconds(3600), "");
        assertThrows(PermissionDeniedException.class, () -> service.counts());
        assertThrows(PermissionDeniedException.class, () -> service.list(TimerState.PENDING, 10));
        assertThrows(PermissionDeniedException.class, () -> service.retry(id));
        admin = true;
        assertEquals(1, service.counts().pending());
        assertEquals(1, service.list(TimerState.PENDING, 10).size());
        assertThrows(ConflictException.class, () -> service.retry(id), "pending, not failed");
        assertThrows(NotFoundException.class, () -> service.retry(id + 1));
        assertThrows(ValidationException.class, () -> service.list(TimerState.PENDING, 0));
    }

    @Test
    void theTimerThreadsEndOnDeactivate() throws Exception {
        CountDownLatch ran = new CountDownLatch(1);
        service.bindHandler(t -> ran.countDown(), reference("it.threads"));
        service.schedule("it.threads", "1", Instant.now(), "");
        assertTrue(ran.await(10, TimeUnit.SECONDS), "a pool thread started");
        assertTrue(threadRuns());
        service.stop();
        assertTrue(eventually(() -> !threadRuns()));
    }

    private static boolean threadRuns() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith(TimerService.THREAD_NAME)
                && t.isAlive());
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(25);
        }
        return false;
    }

    private AccessControl access() {
        return (AccessControl) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {AccessControl.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("require")) {
                        if (!admin) {
                            throw new PermissionDeniedException("Your profile does not allow " + args[0] + ".");
                        }
                        return Caller.SYSTEM;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<TimerHandler> reference(String name) {
        Map<String, Object> properties = new Hashtable<>(Map.of(TimerHandler.NAME, name));
        return (ServiceReference<TimerHandler>) Proxy.newProxyInstance(TimerServiceTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> properties.get(args[0]);
                    case "getBundle" -> null;
                    case "getPropertyKeys" -> properties.keySet().toArray(new String[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static TimersConfig config() {
        return new TimersConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TimersConfig.class;
            }

            @Override
            public long pollMillis() {
                return 3_600_000;
            }

            @Override
            public int maxAttempts() {
                return 3;
            }

            @Override
            public long retryDelayMillis() {
                return 1000;
            }

            @Override
            public long staleAfterSeconds() {
                return 900;
            }

            @Override
            public String nodeName() {
                return "test-node";
            }
        };
    }
}
