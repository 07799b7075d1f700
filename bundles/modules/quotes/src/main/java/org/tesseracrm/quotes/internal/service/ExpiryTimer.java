package org.tesseracrm.quotes.internal.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.TimerHandler;
import org.tesseracrm.kernel.api.timer.TimerInfo;
import org.tesseracrm.kernel.api.timer.TimerState;
import org.tesseracrm.kernel.api.timer.Timers;
import org.tesseracrm.quotes.api.Quotes;

/**
 * Marks sent quotes past their valid-until day Expired, on the kernel's timer thread: one durable timer
 * ({@value #HANDLER} / {@value #KEY}) that looks every hour and schedules itself again, as the activities'
 * reminder timer does. A timer rather than a rule applied when a quote is read: lists, the board by status, filters
 * and the REST API read the stored status, so it must be stored; a timer survives restarts (one due while the CRM was
 * down runs at the next start) and runs on one node. Within the hour after midnight (UTC) a quote may still show
 * Sent.
 */
@Component(service = TimerHandler.class, immediate = true, property = TimerHandler.NAME + "=" + ExpiryTimer.HANDLER)
public class ExpiryTimer implements TimerHandler {
    /** The timer's handler name. */
    public static final String HANDLER = "quotes.expiry";
    /** The timer's key: there is one such timer. */
    public static final String KEY = "look";
    static final Duration EVERY = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(ExpiryTimer.class);

    private final Quotes quotes;
    private final Timers timers;
    private final CallerContext callers;

    /**
     * @param quotes marks the quotes
     * @param timers the kernel's durable timers
     * @param callers runs the look as the platform
     */
    @Activate
    public ExpiryTimer(@Reference Quotes quotes, @Reference Timers timers, @Reference CallerContext callers) {
        this.quotes = quotes;
        this.timers = timers;
        this.callers = callers;
        Optional<TimerInfo> tick = timers.find(HANDLER, KEY);
        if (tick.isEmpty() || tick.get().state() == TimerState.FAILED) {
            timers.schedule(HANDLER, KEY, Instant.now().plusSeconds(60), "");
        }
    }

    /** Looks, then moves the timer on; a failure is retried by the kernel. */
    @Override
    public void fire(DueTimer timer) {
        int marked = callers.callAs(Caller.SYSTEM, quotes::expire);
        if (marked > 0) {
            LOG.info("{} sent quotes past their valid-until day are now Expired", marked);
        }
        timers.schedule(HANDLER, KEY, Instant.now().plus(EVERY), "");
    }
}
