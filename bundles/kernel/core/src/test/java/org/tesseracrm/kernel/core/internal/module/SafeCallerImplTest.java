package org.tesseracrm.kernel.core.internal.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.module.DegradedContribution;
import org.tesseracrm.kernel.api.module.HealthStatus;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.core.internal.security.CallerContextImpl;

class SafeCallerImplTest {
    private final CallerContextImpl callers = new CallerContextImpl();
    private final List<String> warnings = new ArrayList<>();
    private final SafeCallerImpl guard = guard(Duration.ofMillis(200));

    /** A module's panel, from bundle 42 "org.acme.points" of module "points". */
    private static final class PointsPanel {
    }

    private SafeCallerImpl guard(Duration timeout) {
        SafeCallerImpl made = new SafeCallerImpl(callers,
                o -> new SafeCallerImpl.Origin(42, "org.acme.points", "points"), Clock.systemUTC(), timeout,
                Duration.ofSeconds(60), 2, null);
        made.warn = (message, e) -> warnings.add(message);
        return made;
    }

    @AfterEach
    void stop() {
        guard.deactivate();
    }

    @Test
    void aFailingCallIsIsolatedLoggedOnceWithItsBundleAndDegraded() {
        PointsPanel panel = new PointsPanel();
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), guard.call(panel, "create", () -> {
                throw new IllegalStateException("no points table");
            }));
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("org.acme.points: SafeCallerImplTest$PointsPanel.create failed: "
                + "java.lang.IllegalStateException: no points table"), warnings.get(0));
        DegradedContribution degraded = guard.degraded().get(0);
        assertEquals("points", degraded.module());
        assertEquals(PointsPanel.class.getName(), degraded.contribution());
        assertEquals(3, degraded.failures());
        assertEquals(HealthStatus.State.DEGRADED, guard.status().state());
        assertTrue(guard.status().detail().contains("SafeCallerImplTest$PointsPanel.create failed"), guard.status().detail());
    }

    @Test
    void aWorkingCallAnswersAndDegradesNothing() {
        assertEquals(Optional.of("panel"), guard.call(new PointsPanel(), "create", () -> "panel"));
        assertEquals(List.of(), guard.degraded());
        assertEquals(HealthStatus.up(), guard.status());
    }

    @Test
    void aModulesRefusalIsItsAnswerNotAFailure() {
        ValidationException refusal = new ValidationException(List.of(new FieldError("points", "Too many.")));
        assertEquals(Optional.empty(), guard.call(new PointsPanel(), "create", () -> {
            throw refusal;
        }));
        assertSame(refusal, assertThrows(ValidationException.class, () -> guard.require(new PointsPanel(), "check", () -> {
            throw refusal;
        })));
        assertEquals(List.of(), guard.degraded());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aRequiredCallThatFailsIsRefusedWithAnErrorIdThatIsInTheLog() {
        CrmException refused = assertThrows(CrmException.class, () -> guard.require(new PointsPanel(), "check", () -> {
            throw new NullPointerException();
        }));
        String id = refused.getMessage().replaceAll(".*error id ([0-9a-f]{8}).*", "$1");
        assertEquals(8, id.length(), refused.getMessage());
        assertTrue(warnings.get(0).contains(id), warnings.toString());
        assertEquals("check", guard.degraded().get(0).operation());
        CrmException again = assertThrows(CrmException.class, () -> guard.require(new PointsPanel(), "check", () -> {
            throw new NullPointerException();
        }));
        String second = again.getMessage().replaceAll(".*error id ([0-9a-f]{8}).*", "$1");
        assertTrue(warnings.get(1).contains(second) && warnings.get(1).endsWith(" again"), warnings.toString());
    }

    @Test
    void aCallThatBlocksIsInterruptedAtTheDeadlineAndThenSkipped() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        long start = System.nanoTime();
        Optional<String> answer = guard.callWithTimeout(new PointsPanel(), "decorate", () -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "late";
        });
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(Optional.empty(), answer);
        assertTrue(tookMillis < 2_000, "waited " + tookMillis + " ms");
        assertTrue(interrupted.await(2, TimeUnit.SECONDS), "the blocked call was not interrupted");
        assertEquals("did not answer within 200 ms", guard.degraded().get(0).failure());

        assertEquals(Optional.empty(), guard.callWithTimeout(new PointsPanel(), "decorate", () -> {
            calls.incrementAndGet();
            return "fast now";
        }));
        assertEquals(1, calls.get(), "a timed-out contribution is skipped, not called again at once");
        assertEquals(2, guard.degraded().get(0).failures());
        assertEquals(1, warnings.size(), warnings.toString());
    }

    @Test
    void aCallWithTimeoutRunsAsTheCallerOfTheCallingThread() {
        Optional<String> seen = callers.callAs(new Caller("planner"), () -> guard.callWithTimeout(new PointsPanel(),
                "decorate", () -> callers.current().map(Caller::username).orElse("nobody")));
        assertEquals(Optional.of("planner"), seen);
    }

    @Test
    void aFailureOnThePoolIsIsolatedToo() {
        assertEquals(Optional.empty(), guard.callWithTimeout(new PointsPanel(), "decorate", () -> {
            throw new IllegalArgumentException("bad page");
        }));
        assertTrue(guard.degraded().get(0).failure().endsWith("IllegalArgumentException: bad page"));
    }

    @Test
    void whatABundleDidIsForgottenWhenItStops() {
        guard.call(new PointsPanel(), "create", () -> {
            throw new IllegalStateException();
        });
        guard.forget(7);
        assertEquals(1, guard.degraded().size(), "another bundle stopped");
        guard.forget(42);
        assertEquals(List.of(), guard.degraded());
        assertEquals(HealthStatus.up(), guard.status());
    }
}
