package org.tesseracrm.kernel.ui.kit;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * Loads what a part of a page shows without holding the page: the Home page's sections and a dashboard's
 * widgets each read their data on the kernel's small bounded pool, as the signed-in user (so permissions and
 * record visibility apply as on the UI thread), and show it through server push when it is there. Until
 * then the part shows a spinner; a load that fails or does not answer in time shows a short message with a
 * Retry button, and the rest of the page works. Module code never starts a thread of its own: it asks for
 * an {@link AsyncPanel} here.
 *
 * <p>The pool belongs to this kernel component and is shut down with it (the kit's bundle stopping); loads
 * still queued then are dropped. It has {@value #THREADS} threads and queues at most {@value #QUEUE} loads:
 * a load the queue cannot take shows "The server is busy" instead of waiting.
 *
 * @since kit 1.3
 */
@org.osgi.service.component.annotations.Component(service = AsyncLoader.class)
public final class AsyncLoader {
    /** Threads reading at once. */
    static final int THREADS = 4;
    /** Loads waiting at most. */
    static final int QUEUE = 256;
    /** How long a load may take before its part shows that it did not answer. */
    static final long DEADLINE_SECONDS = 60;

    private static final Logger LOG = LoggerFactory.getLogger(AsyncLoader.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final CallerContext callers;
    private final ThreadPoolExecutor pool;
    private final ScheduledExecutorService deadlines;
    private final long deadlineMillis;

    /** @param callers binds the signed-in user to each load's thread */
    @Activate
    public AsyncLoader(@Reference CallerContext callers) {
        this(callers, THREADS, QUEUE, TimeUnit.SECONDS.toMillis(DEADLINE_SECONDS));
    }

    /**
     * @param callers binds the caller
     * @param threads pool threads
     * @param queue loads waiting at most
     * @param deadlineMillis how long a load may take
     */
    AsyncLoader(CallerContext callers, int threads, int queue, long deadlineMillis) {
        this.callers = Objects.requireNonNull(callers);
        this.deadlineMillis = deadlineMillis;
        ThreadFactory threadsOf = named("tessera-load-" + POOLS.incrementAndGet() + "-");
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                threadsOf, new ThreadPoolExecutor.AbortPolicy());
        this.pool.allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, named("tessera-load-deadline-"));
        timer.setRemoveOnCancelPolicy(true); // a load done in time takes its deadline out of the queue
        this.deadlines = timer;
    }

    /** Stops the pool with the component: running loads are interrupted, queued ones dropped. */
    @Deactivate
    public void close() {
        deadlines.shutdownNow();
        pool.shutdownNow();
    }

    /**
     * A part of a page that loads its data on its own once it is attached: a spinner, then what
     * {@code show} makes of the data, or a message and Retry if the load failed.
     *
     * @param load reads the data; runs on the pool as the user who attached the part, so it must not touch
     *     components or the Vaadin session (the {@link LocalTimes} of the user are not there: format in
     *     {@code show})
     * @param show makes the component of the data; runs on the UI thread, with the user bound
     * @param <T> the data's type
     * @return the part, not loading until attached
     */
    public <T> AsyncPanel<T> panel(Supplier<T> load, Function<T, Component> show) {
        return new AsyncPanel<>(this, Objects.requireNonNull(load), Objects.requireNonNull(show));
    }

    CallerContext callers() {
        return callers;
    }

    /**
     * The whole work of one load, apart from the UI: runs it on the pool as the caller and hands its outcome
     * to {@code done} exactly once, on a pool thread: the value, the refusal's message, a message with an
     * error id for a bug, "busy" when the queue is full, or "did not answer" past the deadline.
     *
     * @param caller who the load runs as
     * @param load the load
     * @param done told the outcome, once
     * @param <T> the value's type
     * @return the running load, to cancel (its outcome is then never told)
     */
    <T> Future<?> submit(Caller caller, Supplier<T> load, Consumer<Outcome<T>> done) {
        AtomicBoolean told = new AtomicBoolean();
        AtomicReference<Future<?>> deadline = new AtomicReference<>();
        Consumer<Outcome<T>> once = outcome -> {
            if (told.compareAndSet(false, true)) {
                Optional.ofNullable(deadline.get()).ifPresent(d -> d.cancel(false));
                done.accept(outcome);
            }
        };
        Future<?> future;
        try {
            future = pool.submit(() -> once.accept(run(caller, load)));
        } catch (RejectedExecutionException e) {
            once.accept(Outcome.failed("The server is busy. Try again in a moment."));
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        try {
            deadline.set(deadlines.schedule(() -> {
                // claimed before the interrupt: a load that answers when interrupted is not told as loaded
                if (told.compareAndSet(false, true)) {
                    future.cancel(true);
                    done.accept(Outcome.failed("This did not answer in time. Try again later."));
                }
            }, deadlineMillis, TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException e) {
            future.cancel(true); // closed meanwhile
        }
        return new Cancelling(future, told);
    }

    private <T> Outcome<T> run(Caller caller, Supplier<T> load) {
        try {
            return Outcome.of(callers.callAs(caller, load));
        } catch (CrmException e) {
            return Outcome.failed(e.getMessage());
        } catch (RuntimeException e) {
            String id = UUID.randomUUID().toString().substring(0, 8);
            LOG.warn("A page part failed to load (error id {})", id, e);
            return Outcome.failed("This could not be loaded. If it persists, give your administrator error id "
                    + id + ".");
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * What a load came to.
     *
     * @param value the data, if it loaded (empty also when the load returned null)
     * @param problem what to tell the user if it did not, else empty
     * @param failed whether it failed
     * @param <T> the data's type
     */
    record Outcome<T>(Optional<T> value, String problem, boolean failed) {
        static <T> Outcome<T> of(T value) {
            return new Outcome<>(Optional.ofNullable(value), "", false);
        }

        static <T> Outcome<T> failed(String problem) {
            return new Outcome<>(Optional.empty(), problem, true);
        }
    }

    /** A load's future whose cancel also keeps its outcome from being told. */
    private record Cancelling(Future<?> future, AtomicBoolean told) implements Future<Object> {
        @Override
        public boolean cancel(boolean interrupt) {
            told.set(true);
            return future.cancel(interrupt);
        }

        @Override
        public boolean isCancelled() {
            return future.isCancelled();
        }

        @Override
        public boolean isDone() {
            return future.isDone();
        }

        @Override
        public Object get() throws InterruptedException, java.util.concurrent.ExecutionException {
            return future.get();
        }

        @Override
        public Object get(long timeout, TimeUnit unit)
                throws InterruptedException, java.util.concurrent.ExecutionException,
                java.util.concurrent.TimeoutException {
            return future.get(timeout, unit);
        }
    }
}
