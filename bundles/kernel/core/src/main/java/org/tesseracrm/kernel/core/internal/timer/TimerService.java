package org.tesseracrm.kernel.core.internal.timer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.module.HealthIndicator;
import org.tesseracrm.kernel.api.module.HealthStatus;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.timer.TimerCounts;
import org.tesseracrm.kernel.api.timer.TimerHandler;
import org.tesseracrm.kernel.api.timer.TimerInfo;
import org.tesseracrm.kernel.api.timer.TimerState;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * The durable timers: the {@link Timers} service over the table {@code CRM_TIMER}, the whiteboard of
 * {@link TimerHandler}s, and the kernel's timer threads: {@value #THREAD_NAME} starts a look for due timers
 * every poll interval, and a look also starts right after a handler arrives or a timer is scheduled to be
 * due within the interval. Each handler name has a lane of its own: its looks run one after the other on a
 * pool of {@value #WORKERS} threads ({@value #THREAD_NAME}-1, -2, ...), so a handler that takes long (a
 * webhook receiver that answers slowly) delays only its own timers, never another module's reminders. It is also the part {@value #HEALTH} of {@code /health}: DEGRADED while failed timers
 * wait for an administrator, DOWN while the table cannot be read.
 */
@Component(service = {Timers.class, HealthIndicator.class}, immediate = true, configurationPid = TimersConfig.PID,
        property = HealthIndicator.COMPONENT + "=" + TimerService.HEALTH)
@Designate(ocd = TimersConfig.class)
public class TimerService implements Timers, HealthIndicator {
    /** The part's name in {@code /health}. */
    public static final String HEALTH = "timers";
    /** The name of the thread that starts the looks; the pool's threads are named after it. */
    public static final String THREAD_NAME = "tessera-timers";
    /** How many handlers' looks may run at once. */
    static final int WORKERS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(TimerService.class);

    private final TimerStore store;
    private final TransactionScope scope;
    private final AccessControl access;
    private final Duration poll;
    private final Map<String, TimerRunner.Registered> handlers = new ConcurrentHashMap<>();
    private final TimerRunner runner;
    private final ScheduledExecutorService thread;
    private final ExecutorService workers;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    /**
     * @param dataSource the CRM database
     * @param schema present once the kernel's tables exist
     * @param scope the transaction a handler's work and its timer's completion share
     * @param callers runs handlers as the system
     * @param access checks the administrator's permission
     * @param config poll interval, attempts, backoff, stale claims, node name
     */
    @Activate
    public TimerService(@Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.kernel.core)") MigratedSchema schema,
            @Reference TransactionScope scope, @Reference CallerContext callers, @Reference AccessControl access,
            TimersConfig config) {
        this(new TimerStore(dataSource, Clock.systemUTC(), scope), scope, callers, access, config);
    }

    TimerService(TimerStore store, TransactionScope scope, CallerContext callers, AccessControl access, TimersConfig config) {
        this.store = store;
        this.scope = scope;
        this.access = access;
        this.poll = Duration.ofMillis(Math.max(50, config.pollMillis()));
        this.runner = new TimerRunner(store, scope, () -> Map.copyOf(handlers), callers,
                new Backoff(Math.max(1, config.maxAttempts()), Duration.ofMillis(Math.max(0, config.retryDelayMillis()))),
                Duration.ofSeconds(Math.max(10, config.staleAfterSeconds())), nodeName(config));
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, THREAD_NAME);
            t.setDaemon(true);
            return t;
        });
        AtomicInteger numbers = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, THREAD_NAME + "-" + numbers.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // The first look soon after start: timers that came due while the CRM was down run now.
        thread.scheduleWithFixedDelay(this::lookAll, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        LOG.debug("Timers started on node {}, looking every {} ms", runner.node(), poll.toMillis());
    }

    @Deactivate
    void stop() throws InterruptedException {
        runner.stop();
        thread.shutdownNow();
        workers.shutdownNow();
        if (!thread.awaitTermination(10, TimeUnit.SECONDS) || !workers.awaitTermination(10, TimeUnit.SECONDS)) {
            LOG.warn("The timer threads did not end within 10 s; a handler is still running");
        }
    }

    /**
     * @param handler a timer handler
     * @param reference its registration, with {@value TimerHandler#NAME}
     */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindHandler(TimerHandler handler, ServiceReference<TimerHandler> reference) {
        Object name = reference.getProperty(TimerHandler.NAME);
        String bundle = reference.getBundle() == null ? "?" : reference.getBundle().getSymbolicName();
        if (!(name instanceof String text) || text.isBlank()) {
            LOG.warn("A timer handler of bundle {} has no {} property and is ignored", bundle, TimerHandler.NAME);
            return;
        }
        TimerRunner.Registered previous = handlers.putIfAbsent(text, new TimerRunner.Registered(handler, bundle));
        if (previous != null) {
            LOG.warn("Two timer handlers are named {} (bundles {} and {}); the first one runs its timers", text,
                    previous.bundle(), bundle);
            return;
        }
        lookSoon(text); // its waiting timers run now, not at the next poll
    }

    void unbindHandler(TimerHandler handler, ServiceReference<TimerHandler> reference) {
        handlers.values().removeIf(registered -> registered.handler() == handler);
    }

    @Override
    public long schedule(String handler, String key, Instant dueAt, String payload) {
        List<FieldError> errors = new ArrayList<>();
        check("handler", handler, MAX_HANDLER, true, errors);
        check("key", key, MAX_KEY, true, errors);
        check("payload", payload, MAX_PAYLOAD, false, errors);
        if (dueAt == null) {
            errors.add(new FieldError("dueAt", "A timer needs a due time."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        long id = store.schedule(handler, key, dueAt, payload);
        if (!dueAt.isAfter(store.now().plus(poll))) {
            // after the caller's change commits (at once outside one): a look before it would not see the timer,
            // which would then wait for the next poll
            scope.afterCommit(() -> lookSoon(handler));
        }
        return id;
    }

    @Override
    public boolean cancel(String handler, String key) {
        return store.cancel(handler, key);
    }

    @Override
    public Optional<TimerInfo> find(String handler, String key) {
        return store.find(handler, key).map(TimerStore.Row::info);
    }

    @Override
    public TimerCounts counts() {
        access.require(MANAGE_TIMERS);
        return store.counts();
    }

    @Override
    public List<TimerInfo> list(TimerState state, int limit) {
        access.require(MANAGE_TIMERS);
        if (state == null || limit < 1 || limit > 1000) {
            throw new ValidationException(List.of(new FieldError("limit", "Give a state and a limit from 1 to 1000.")));
        }
        return store.list(state, limit);
    }

    @Override
    public TimerInfo retry(long id) {
        access.require(MANAGE_TIMERS);
        TimerStore.Row row = store.byId(id).orElseThrow(() -> new NotFoundException("Timer", id));
        if (row.info().state() != TimerState.FAILED) {
            throw new ConflictException("Timer " + id + " is " + row.info().state().name().toLowerCase(java.util.Locale.ROOT)
                    + ", not failed: only failed timers can be retried.");
        }
        TimerInfo retried = store.retry(row)
                .orElseThrow(() -> new ConflictException("Timer " + id + " changed meanwhile; look again."));
        lookSoon(row.info().handler());
        return retried; // as the retry left it: the timer thread may already be running it
    }

    /** @return the timers' part of {@code /health}, as of the last look */
    @Override
    public HealthStatus status() {
        return runner.health();
    }

    /** Every poll interval, on the timer thread: a look in each registered handler's lane. */
    private void lookAll() {
        handlers.keySet().forEach(this::lookSoon);
    }

    /** Asks for a look in a handler's lane. */
    private void lookSoon(String handler) {
        lanes.computeIfAbsent(handler, Lane::new).lookSoon();
    }

    /**
     * The looks of one handler name, one at a time on the pool: a look asked for while one runs makes one
     * more run after it (a timer scheduled meanwhile may have been read too early), never a second at once.
     */
    private final class Lane {
        private static final int IDLE = 0;
        private static final int SUBMITTED = 1;
        private static final int AGAIN = 2;

        private final String handler;
        private final AtomicInteger state = new AtomicInteger(IDLE);

        Lane(String handler) {
            this.handler = handler;
        }

        void lookSoon() {
            while (true) {
                int now = state.get();
                if (now == AGAIN || now == SUBMITTED && state.compareAndSet(SUBMITTED, AGAIN)) {
                    return;
                }
                if (now == IDLE && state.compareAndSet(IDLE, SUBMITTED)) {
                    try {
                        workers.execute(this::run);
                    } catch (RejectedExecutionException e) {
                        state.set(IDLE); // stopping
                    }
                    return;
                }
            }
        }

        private void run() {
            do {
                runner.look(handler::equals);
            } while (state.compareAndSet(AGAIN, SUBMITTED) || !state.compareAndSet(SUBMITTED, IDLE));
        }
    }

    private static void check(String field, String value, int max, boolean required, List<FieldError> errors) {
        if (value == null || (required && value.isBlank())) {
            errors.add(new FieldError(field, "A timer needs a " + field + "."));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "At most " + max + " characters."));
        }
    }

    private static String nodeName(TimersConfig config) {
        if (!config.nodeName().isBlank()) {
            return config.nodeName().strip();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("localhost");
        }
        return System.getProperty("karaf.name", "karaf") + "@" + host;
    }
}
