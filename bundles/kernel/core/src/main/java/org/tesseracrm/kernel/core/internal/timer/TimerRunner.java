package org.tesseracrm.kernel.core.internal.timer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.module.HealthStatus;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.TimerHandler;

/**
 * One look at the timer table, on the kernel's timer thread: claims each due timer whose handler is
 * registered here and runs it, then marks it done, to be retried, or failed. The handler's work and the
 * deletion of its timer are one transaction: what the handler wrote through the CRM database is
 * committed exactly when the timer is marked done, and rolled back with a failure that is then
 * retried. Nothing a handler does and no database failure leaves this class: the thread that calls it
 * must keep running.
 */
class TimerRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TimerRunner.class);
    static final int BATCH = 50;
    private static final int BATCHES_PER_LOOK = 20;

    /** A registered handler and the bundle it came from, for the log. */
    record Registered(TimerHandler handler, String bundle) {
    }

    private final TimerStore store;
    private final TransactionScope scope;
    private final Supplier<Map<String, Registered>> handlers;
    private final CallerContext callers;
    private final Backoff backoff;
    private final Duration staleAfter;
    private final String node;
    private volatile boolean stopping;
    private volatile HealthStatus health = HealthStatus.up();
    private volatile boolean unreadable;

    TimerRunner(TimerStore store, TransactionScope scope, Supplier<Map<String, Registered>> handlers, CallerContext callers,
            Backoff backoff, Duration staleAfter, String node) {
        this.store = store;
        this.scope = scope;
        this.handlers = handlers;
        this.callers = callers;
        this.backoff = backoff;
        this.staleAfter = staleAfter;
        this.node = node;
    }

    String node() {
        return node;
    }

    /**
     * @return as of the last look: UP; DEGRADED while failed timers wait for an administrator; DOWN if the
     *     table could not be read
     */
    HealthStatus health() {
        return health;
    }

    /** Makes a look in progress end after the timer it is running. */
    void stop() {
        stopping = true;
    }

    /** @return how many timers were run (successfully or not), of every registered handler */
    int look() {
        return look(name -> true);
    }

    /**
     * @param lane the handler names to look at: one lane's, so that a slow handler delays only its own timers
     * @return how many timers were run (successfully or not)
     */
    int look(Predicate<String> lane) {
        int ran = 0;
        try {
            for (int batch = 0; batch < BATCHES_PER_LOOK && !stopping; batch++) {
                Set<String> registered = handlers.get().keySet().stream().filter(lane).collect(Collectors.toSet());
                if (registered.isEmpty()) {
                    break;
                }
                List<TimerStore.Row> due = store.due(registered, store.now().minus(staleAfter), node, BATCH);
                for (TimerStore.Row row : due) {
                    if (stopping) {
                        break;
                    }
                    Optional<TimerStore.Claim> claim = store.claim(row, node);
                    if (claim.isPresent()) {
                        run(claim.get(), handlers.get().get(row.info().handler()));
                        ran++;
                    }
                }
                if (due.size() < BATCH) {
                    break;
                }
            }
            long failed = store.countFailed();
            health = failed == 0 ? HealthStatus.up() : HealthStatus.degraded(failed + (failed == 1 ? " timer has" : " timers have")
                    + " failed and wait" + (failed == 1 ? "s" : "") + " for an administrator: crm:timers lists them,"
                    + " crm:timer-retry <id> runs one again.");
            if (unreadable) {
                LOG.info("Timers can be read again");
                unreadable = false;
            }
        } catch (RuntimeException e) {
            health = HealthStatus.down("Timers could not be read: " + e.getMessage());
            if (!unreadable) { // once, not on every look while the database is away
                LOG.warn("Timers could not be read or updated; trying again on the next look: {}", e.getMessage());
                unreadable = true;
            }
        }
        return ran;
    }

    /** Carries a handler's checked exception out of the transaction, which it rolls back. */
    private static final class HandlerFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        HandlerFailure(Exception cause) {
            super(cause);
        }
    }

    private void run(TimerStore.Claim claim, Registered registered) {
        DueTimer timer = claim.timer();
        if (registered == null) { // unregistered between the read and the claim
            store.release(claim);
            return;
        }
        Throwable failure = callers.callAs(Caller.SYSTEM, () -> {
            try {
                scope.required(c -> {
                    try {
                        registered.handler().fire(timer);
                    } catch (Exception e) {
                        throw new HandlerFailure(e);
                    }
                    store.done(claim);
                    return null;
                });
                return null;
            } catch (HandlerFailure f) {
                return f.getCause();
            } catch (Throwable t) { // a module's failure must never end the timer thread
                return t;
            }
        });
        if (failure == null) {
            return;
        }
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        Optional<java.time.Instant> retryAt = backoff.next(timer.attempt(), store.now());
        String error = failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        store.failed(claim, error, retryAt);
        if (retryAt.isPresent()) {
            LOG.warn("Timer {} ({} / {}) of bundle {} failed on attempt {} of {}, retried at {}: {}", timer.id(),
                    timer.handler(), timer.key(), registered.bundle(), timer.attempt(), backoff.maxAttempts(), retryAt.get(),
                    error);
        } else {
            LOG.error("Timer {} ({} / {}) of bundle {} failed on its last attempt ({}) and waits for an administrator"
                    + " (crm:timers, crm:timer-retry)", timer.id(), timer.handler(), timer.key(), registered.bundle(),
                    timer.attempt(), failure);
        }
    }
}
