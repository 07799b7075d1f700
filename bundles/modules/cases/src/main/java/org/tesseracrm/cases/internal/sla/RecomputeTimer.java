package org.tesseracrm.cases.internal.sla;

import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.TimerHandler;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * Carries a recompute of SLA due times past its first batch ({@link Recompute}): one durable timer per scope (handler
 * {@value #HANDLER}, key the scope's, e.g. {@code calendar:12}); each run works out one batch in the timer's own
 * transaction, which also moves the scope's row on, and schedules the timer again while cases are left. A run that
 * fails or a node that dies rolls its batch back; the timer runs again (the kernel's retries) from the last batch
 * committed, and the sweep schedules it again if it was lost ({@link SlaService#resumeRecomputes}).
 */
@Component(service = TimerHandler.class, property = TimerHandler.NAME + "=" + RecomputeTimer.HANDLER)
public class RecomputeTimer implements TimerHandler {
    /** The timers' handler name. */
    public static final String HANDLER = "cases.sla.recompute";

    private final SlaService sla;
    private final Timers timers;

    /**
     * @param sla works a batch out
     * @param timers the kernel's durable timers
     */
    @Activate
    public RecomputeTimer(@Reference SlaService sla, @Reference Timers timers) {
        this.sla = sla;
        this.timers = timers;
    }

    @Override
    public void fire(DueTimer timer) {
        if (!sla.recomputeStep(timer.key())) {
            timers.schedule(HANDLER, timer.key(), Instant.now(), "");
        }
    }
}
