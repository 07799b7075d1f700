package org.tesseracrm.cases.internal.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.TimerHandler;
import org.tesseracrm.kernel.api.timer.TimerInfo;
import org.tesseracrm.kernel.api.timer.TimerState;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * Runs the SLA sweep on the kernel's durable timers: one timer ({@value #HANDLER} / {@value #KEY}) that sweeps every
 * minute and schedules itself again, as the quotes' expiry timer does. The timer survives restarts and runs on one
 * node; each escalation is guarded by the case's level in its own transaction ({@link SlaService}), so a sweep run
 * twice, or again after a restart, escalates a level once.
 */
@Component(service = TimerHandler.class, immediate = true, property = TimerHandler.NAME + "=" + SweepTimer.HANDLER)
public class SweepTimer implements TimerHandler {
    /** The timer's handler name. */
    public static final String HANDLER = "cases.sla.sweep";
    /** The timer's key: there is one such timer. */
    public static final String KEY = "sweep";
    /** How often the sweep runs: the longest a state change or an escalation waits. */
    static final Duration EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(SweepTimer.class);

    private final SlaService sla;
    private final Timers timers;

    /**
     * @param sla sweeps
     * @param timers the kernel's durable timers
     */
    @Activate
    public SweepTimer(@Reference SlaService sla, @Reference Timers timers) {
        this.sla = sla;
        this.timers = timers;
        Optional<TimerInfo> tick = timers.find(HANDLER, KEY);
        if (tick.isEmpty() || tick.get().state() == TimerState.FAILED) {
            timers.schedule(HANDLER, KEY, Instant.now().plusSeconds(10), "");
        }
    }

    /**
     * Sweeps (as the platform: the kernel fires timers as {@code Caller.SYSTEM}), picks up a recompute whose timer was
     * lost, then moves the timer on.
     */
    @Override
    public void fire(DueTimer timer) {
        sla.resumeRecomputes();
        int escalated = sla.sweep();
        if (escalated > 0) {
            LOG.info("{} late cases escalated", escalated);
        }
        timers.schedule(HANDLER, KEY, Instant.now().plus(EVERY), "");
    }
}
