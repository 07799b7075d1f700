package org.tesseracrm.kernel.ui.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

class AsyncLoaderTest {
    private final ThreadCallers callers = new ThreadCallers();
    private AsyncLoader loader;

    @AfterEach
    void close() {
        if (loader != null) {
            loader.close();
        }
    }

    @Test
    void runsTheLoadOnAPoolThreadAsTheCaller() throws Exception {
        loader = new AsyncLoader(callers, 2, 4, 5_000);
        LinkedBlockingQueue<AsyncLoader.Outcome<String>> told = new LinkedBlockingQueue<>();
        String uiThread = Thread.currentThread().getName();
        loader.submit(new Caller("dora"), () -> callers.current().orElseThrow().username() + "@"
                + Thread.currentThread().getName(), told::add);
        AsyncLoader.Outcome<String> outcome = told.poll(5, TimeUnit.SECONDS);
        assertFalse(outcome.failed());
        String[] parts = outcome.value().orElseThrow().split("@");
        assertEquals("dora", parts[0]);
        assertTrue(parts[1].startsWith("tessera-load-"), parts[1]);
        assertFalse(parts[1].equals(uiThread));
        assertEquals(Optional.empty(), callers.current(), "the caller is unbound again on this thread");
    }

    @Test
    void oneSlowLoadDoesNotHoldTheOthers() throws Exception {
        loader = new AsyncLoader(callers, 2, 4, 5_000);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch fastDone = new CountDownLatch(1);
        CountDownLatch slowDone = new CountDownLatch(1);
        loader.submit(new Caller("dora"), () -> {
            await(release);
            return "slow";
        }, o -> {
            order.add(o.value().orElse("?"));
            slowDone.countDown();
        });
        loader.submit(new Caller("dora"), () -> "fast", o -> {
            order.add(o.value().orElse("?"));
            fastDone.countDown();
        });
        assertTrue(fastDone.await(5, TimeUnit.SECONDS), "the fast load is shown while the slow one still runs");
        release.countDown();
        assertTrue(slowDone.await(5, TimeUnit.SECONDS));
        assertEquals(List.of("fast", "slow"), order);
    }

    @Test
    void aRefusalShowsItsMessageAndABugAnErrorId() throws Exception {
        loader = new AsyncLoader(callers, 1, 4, 5_000);
        LinkedBlockingQueue<AsyncLoader.Outcome<String>> told = new LinkedBlockingQueue<>();
        loader.submit(new Caller("dora"), () -> {
            throw new PermissionDeniedException("You may not view reports.");
        }, told::add);
        loader.submit(new Caller("dora"), (Supplier<String>) () -> {
            throw new IllegalStateException("bug");
        }, told::add);
        AsyncLoader.Outcome<String> refused = told.poll(5, TimeUnit.SECONDS);
        AsyncLoader.Outcome<String> broken = told.poll(5, TimeUnit.SECONDS);
        assertTrue(refused.failed());
        assertEquals("You may not view reports.", refused.problem());
        assertTrue(broken.failed());
        assertTrue(broken.problem().contains("error id"), broken.problem());
        assertFalse(broken.problem().contains("bug"), "no internals shown");
    }

    @Test
    void aFullQueueSaysBusyInsteadOfWaiting() throws Exception {
        loader = new AsyncLoader(callers, 1, 1, 5_000);
        CountDownLatch release = new CountDownLatch(1);
        LinkedBlockingQueue<AsyncLoader.Outcome<String>> told = new LinkedBlockingQueue<>();
        CountDownLatch started = new CountDownLatch(1);
        loader.submit(new Caller("dora"), () -> {
            started.countDown();
            await(release);
            return "first";
        }, told::add);
        assertTrue(started.await(5, TimeUnit.SECONDS));
        loader.submit(new Caller("dora"), () -> "queued", told::add);
        loader.submit(new Caller("dora"), () -> "third", told::add);
        AsyncLoader.Outcome<String> busy = told.poll(5, TimeUnit.SECONDS);
        assertTrue(busy.failed());
        assertTrue(busy.problem().contains("busy"), busy.problem());
        release.countDown();
        assertEquals("first", told.poll(5, TimeUnit.SECONDS).value().orElseThrow());
        assertEquals("queued", told.poll(5, TimeUnit.SECONDS).value().orElseThrow());
    }

    @Test
    void aLoadPastItsDeadlineIsToldOnceAndInterrupted() throws Exception {
        loader = new AsyncLoader(callers, 1, 4, 100);
        LinkedBlockingQueue<AsyncLoader.Outcome<String>> told = new LinkedBlockingQueue<>();
        CountDownLatch interrupted = new CountDownLatch(1);
        loader.submit(new Caller("dora"), () -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "late";
        }, told::add);
        AsyncLoader.Outcome<String> late = told.poll(5, TimeUnit.SECONDS);
        assertTrue(late.failed());
        assertTrue(late.problem().contains("in time"), late.problem());
        assertTrue(interrupted.await(5, TimeUnit.SECONDS));
        assertEquals(null, told.poll(200, TimeUnit.MILLISECONDS), "told once");
    }

    @Test
    void aCancelledLoadIsNeverToldAndAClosedLoaderTakesNoMore() throws Exception {
        loader = new AsyncLoader(callers, 1, 4, 5_000);
        CountDownLatch release = new CountDownLatch(1);
        LinkedBlockingQueue<AsyncLoader.Outcome<String>> told = new LinkedBlockingQueue<>();
        var future = loader.submit(new Caller("dora"), () -> {
            await(release);
            return "gone";
        }, told::add);
        future.cancel(true);
        release.countDown();
        assertEquals(null, told.poll(300, TimeUnit.MILLISECONDS));
        loader.close();
        loader.submit(new Caller("dora"), () -> "after", told::add);
        AsyncLoader.Outcome<String> refused = told.poll(5, TimeUnit.SECONDS);
        assertTrue(refused.failed(), "a closed pool refuses at once instead of hanging the part");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Binds the caller to the thread, as the kernel's does. */
    static final class ThreadCallers implements CallerContext {
        private final ThreadLocal<Caller> bound = new ThreadLocal<>();

        @Override
        public Optional<Caller> current() {
            return Optional.ofNullable(bound.get());
        }

        @Override
        public <T> T callAs(Caller caller, Supplier<T> work) {
            Caller previous = bound.get();
            bound.set(caller);
            try {
                return work.get();
            } finally {
                if (previous == null) {
                    bound.remove();
                } else {
                    bound.set(previous);
                }
            }
        }
    }
}
