package org.tesseracrm.collections.internal.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.collections.api.Receivables;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.timer.TimerHandler;
import org.tesseracrm.kernel.api.timer.TimerInfo;
import org.tesseracrm.kernel.api.timer.TimerState;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * Keeps the collections' stored overdue amount and next due date up to date as days pass, on the kernel's timer
 * thread: one durable timer ({@value #HANDLER} / {@value #KEY}) that looks every hour and schedules itself again, as
 * the quotes' expiry timer does. Only collections whose next due date has passed are touched. The aging itself
 * never reads the stored amounts: it counts days from the obligations' due dates.
 */
@Component(service = TimerHandler.class, immediate = true, property = TimerHandler.NAME + "=" + DueTimer.HANDLER)
public class DueTimer implements TimerHandler {
    /** The timer's handler name. */
    public static final String HANDLER = "collections.due";
    /** The timer's key: there is one such timer. */
    public static final String KEY = "look";
    static final Duration EVERY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(DueTimer.class);

    private final Receivables receivables;
    private final Timers timers;
    private final CallerContext callers;

    /**
     * @param receivables refreshes the collections
     * @param timers the kernel's durable timers
     * @param callers runs the look as the platform
     */
    @Activate
    public DueTimer(@Reference Receivables receivables, @Reference Timers timers, @Reference CallerContext callers) {
        this.receivables = receivables;
        this.timers = timers;
        this.callers = callers;
        Optional<TimerInfo> tick = timers.find(HANDLER, KEY);
        if (tick.isEmpty() || tick.get().state() == TimerState.FAILED) {
            timers.schedule(HANDLER, KEY, Instant.now().plusSeconds(60), "");
        }
    }

    /** Looks, then moves the timer on; a failure is retried by the kernel. */
    @Override
    public void fire(org.tesseracrm.kernel.api.timer.DueTimer timer) {
        int changed = callers.callAs(Caller.SYSTEM, receivables::refreshDue);
        if (changed > 0) {
            LOG.info("{} collections have a new overdue amount", changed);
        }
        timers.schedule(HANDLER, KEY, Instant.now().plus(EVERY), "");
    }
}
