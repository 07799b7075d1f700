package org.tesseracrm.kernel.core.internal.module;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.module.DegradedContribution;
import org.tesseracrm.kernel.api.module.HealthIndicator;
import org.tesseracrm.kernel.api.module.HealthStatus;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.SafeCaller;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * The kernel's one guard around calls into module code (see {@link SafeCaller}), and the health part
 * {@code contributions} that lists what it switched off. Calls that may block run on a small bounded
 * pool of its own with a deadline; a contribution that timed out is skipped for a while.
 */
@Component(service = {SafeCaller.class, HealthIndicator.class}, immediate = true,
        configurationPid = SafeCallerImpl.PID, property = HealthIndicator.COMPONENT + "=" + SafeCallerImpl.HEALTH_PART)
@Designate(ocd = SafeCallerImpl.Config.class)
public class SafeCallerImpl implements SafeCaller, HealthIndicator {
    /** The configuration PID. */
    static final String PID = "org.tesseracrm.kernel.contributions";
    /** The name of this guard's part in {@code /health}. */
    static final String HEALTH_PART = "contributions";
    private static final Logger LOG = LoggerFactory.getLogger(SafeCallerImpl.class);
    private static final int HEALTH_DETAILS = 5;

    /** How long module calls may take. */
    @ObjectClassDefinition(name = "Tessera contribution guard",
            description = "How the kernel calls module contributions that may block (row decorations).")
    public @interface Config {
        /** @return the deadline of a call that may block */
        @AttributeDefinition(name = "Timeout (ms)",
                description = "How long a list waits for a module's row decoration before it shows the page without it.")
        long timeoutMillis() default 3000;

        /** @return how long a timed-out contribution is skipped */
        @AttributeDefinition(name = "Skip after a timeout (s)",
                description = "How long a contribution that timed out is skipped before it is called again.")
        long skipSeconds() default 60;

        /** @return the pool size */
        @AttributeDefinition(name = "Threads", description = "Calls that may block run on at most this many threads.")
        int threads() default 4;
    }

    /** Where a contribution comes from: its bundle and, if that bundle is a module, the module's id. */
    record Origin(long bundleId, String bundle, String module) {
    }

    /** One operation of one contribution class of one bundle. */
    private record Key(long bundleId, String contribution, String operation) {
    }

    /** What is known about a degraded contribution; counters change, the first failure stays. */
    private static final class Degraded {
        private final Origin origin;
        private final Key key;
        private final String failure;
        private final java.time.Instant since;
        private final java.util.concurrent.atomic.AtomicLong failures = new java.util.concurrent.atomic.AtomicLong(1);
        private volatile long skipUntil;

        Degraded(Origin origin, Key key, String failure, java.time.Instant since) {
            this.origin = origin;
            this.key = key;
            this.failure = failure;
            this.since = since;
        }

        DegradedContribution dto() {
            return new DegradedContribution(origin.bundle(), origin.module(), key.contribution(), key.operation(),
                    failure, since, failures.get());
        }
    }

    private final CallerContext callers;
    private final Function<Object, Origin> origins;
    private final Clock clock;
    private final Duration timeout;
    private final Duration skip;
    private final ExecutorService pool;
    private final Map<Key, Degraded> degraded = new ConcurrentHashMap<>();
    /** Calls that timed out and still run: their contribution is skipped until they end. */
    private final Set<Key> stuck = ConcurrentHashMap.newKeySet();
    private final BundleContext context;
    private final BundleListener stopped = this::bundleChanged;
    /** Where failures are logged; replaced by tests that count them. */
    BiConsumer<String, Throwable> warn = LOG::warn;

    /**
     * @param callers the caller a pool thread runs as
     * @param context tells which bundle a contribution comes from, and when it stops
     * @param config timeouts and pool size
     */
    @Activate
    public SafeCallerImpl(@Reference CallerContext callers, BundleContext context, Config config) {
        this(callers, object -> origin(context, object), Clock.systemUTC(), Duration.ofMillis(config.timeoutMillis()),
                Duration.ofSeconds(config.skipSeconds()), config.threads(), context);
        context.addBundleListener(stopped);
    }

    SafeCallerImpl(CallerContext callers, Function<Object, Origin> origins, Clock clock, Duration timeout,
            Duration skip, int threads, BundleContext context) {
        this.callers = callers;
        this.origins = origins;
        this.clock = clock;
        this.timeout = timeout;
        this.skip = skip;
        this.context = context;
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(Math.max(1, threads), Math.max(1, threads), 30,
                TimeUnit.SECONDS, new LinkedBlockingQueue<>(100), work -> {
                    // no inherited thread locals and the kernel's own class loader: a pool thread made
                    // during a module's call must not keep that module's class loader alive
                    Thread thread = new Thread(null, work, "tessera-contributions-" + count.incrementAndGet(), 0,
                            false);
                    thread.setContextClassLoader(SafeCallerImpl.class.getClassLoader());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        this.pool = executor;
    }

    @Deactivate
    void deactivate() {
        if (context != null) {
            context.removeBundleListener(stopped);
        }
        pool.shutdownNow();
    }

    @Override
    public <T> Optional<T> call(Object contribution, String operation, Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (CrmException refused) {
            LOG.debug("{}.{} refused: {}", contribution.getClass().getName(), operation, refused.getMessage());
            return Optional.empty();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            failed(contribution, operation, e, "");
            return Optional.empty();
        }
    }

    @Override
    public <T> Optional<T> callWithTimeout(Object contribution, String operation, Supplier<T> call) {
        Origin origin = origins.apply(contribution);
        Key key = new Key(origin.bundleId(), contribution.getClass().getName(), operation);
        Degraded known = degraded.get(key);
        if (stuck.contains(key) || (known != null && known.skipUntil - clock.millis() > 0)) {
            if (known != null) {
                known.failures.incrementAndGet();
            }
            return Optional.empty();
        }
        Optional<Caller> caller = callers.current();
        Future<T> future;
        try {
            future = pool.submit(() -> {
                try {
                    return caller.map(c -> callers.callAs(c, call)).orElseGet(call);
                } finally {
                    stuck.remove(key);
                }
            });
        } catch (RejectedExecutionException busy) {
            LOG.debug("{}.{} skipped: every guard thread is busy", key.contribution(), operation);
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(future.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException late) {
            stuck.add(key);
            future.cancel(true);
            if (future.isDone()) {
                stuck.remove(key); // it ended (or was never started) while we gave up
            }
            Degraded entry = failed(contribution, operation, null, "",
                    "did not answer within " + timeout.toMillis() + " ms");
            entry.skipUntil = clock.millis() + skip.toMillis();
            return Optional.empty();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CrmException refused) {
                LOG.debug("{}.{} refused: {}", key.contribution(), operation, refused.getMessage());
            } else {
                failed(contribution, operation, cause, "");
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public <T> T require(Object contribution, String operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (CrmException answer) {
            throw answer;
        } catch (RuntimeException | LinkageError | AssertionError e) {
            String errorId = UUID.randomUUID().toString().substring(0, 8);
            failed(contribution, operation, e, errorId);
            throw new CrmException("This could not be done: a module failed (error id " + errorId
                    + "). Nothing was changed; an administrator finds the details in the log.");
        }
    }

    @Override
    public List<DegradedContribution> degraded() {
        return degraded.values().stream().map(Degraded::dto)
                .sorted(Comparator.comparing(DegradedContribution::since)).toList();
    }

    @Override
    public HealthStatus status() {
        List<DegradedContribution> all = degraded();
        if (all.isEmpty()) {
            return HealthStatus.up();
        }
        String detail = all.stream().limit(HEALTH_DETAILS).map(DegradedContribution::describe)
                .collect(Collectors.joining("; "));
        if (all.size() > HEALTH_DETAILS) {
            detail += "; and " + (all.size() - HEALTH_DETAILS) + " more (Administration → Modules)";
        }
        return HealthStatus.degraded(detail + ".");
    }

    /**
     * Marks the contribution degraded; logs the first failure of each operation with its stack trace,
     * later ones only when the user was given an error id to look for.
     */
    private Degraded failed(Object contribution, String operation, Throwable e, String errorId) {
        return failed(contribution, operation, e, errorId, "");
    }

    /** @param reason what went wrong when there is no exception (a timeout) */
    private Degraded failed(Object contribution, String operation, Throwable e, String errorId, String reason) {
        if (e instanceof VirtualMachineError fatal) {
            throw fatal;
        }
        Origin origin = origins.apply(contribution);
        Key key = new Key(origin.bundleId(), contribution.getClass().getName(), operation);
        String failure = e == null ? reason : firstLine(e);
        boolean[] first = {false};
        Degraded entry = degraded.compute(key, (k, known) -> {
            if (known == null) {
                first[0] = true;
                return new Degraded(origin, k, failure, clock.instant());
            }
            known.failures.incrementAndGet();
            return known;
        });
        String id = errorId.isEmpty() ? "" : " (error id " + errorId + ")";
        if (first[0]) {
            warn.accept(entry.dto().describe() + id + "; it is skipped and shown as degraded until its bundle "
                    + origin.bundle() + " restarts", e);
        } else if (!errorId.isEmpty()) {
            warn.accept(entry.dto().describe() + id + " again", null);
        } else {
            LOG.debug("{} again", entry.dto().describe());
        }
        return entry;
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return e.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
    }

    private void bundleChanged(BundleEvent event) {
        int type = event.getType();
        if (type == BundleEvent.STOPPED || type == BundleEvent.UNINSTALLED || type == BundleEvent.UPDATED) {
            forget(event.getBundle().getBundleId());
        }
    }

    /** Forgets what a bundle's contributions did: it stopped, a fixed version may come. */
    void forget(long bundleId) {
        degraded.keySet().removeIf(k -> k.bundleId() == bundleId);
        stuck.removeIf(k -> k.bundleId() == bundleId);
    }

    private static Origin origin(BundleContext context, Object contribution) {
        Bundle bundle = FrameworkUtil.getBundle(contribution.getClass());
        if (bundle == null) {
            return new Origin(-1, "unknown bundle", "");
        }
        String module = "";
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered != null) {
            for (ServiceReference<?> reference : registered) {
                Object classes = reference.getProperty(org.osgi.framework.Constants.OBJECTCLASS);
                if (classes instanceof String[] names && List.of(names).contains(ModuleDescriptor.class.getName())) {
                    module = String.valueOf(reference.getProperty(ModuleDescriptor.ID));
                    break;
                }
            }
        }
        return new Origin(bundle.getBundleId(), bundle.getSymbolicName(), module);
    }
}
