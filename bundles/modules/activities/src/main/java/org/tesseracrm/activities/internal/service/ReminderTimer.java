package org.tesseracrm.activities.internal.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.TimerHandler;
import org.tesseracrm.kernel.api.timer.TimerInfo;
import org.tesseracrm.kernel.api.timer.TimerState;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * Runs the reminder scheduler's look on the kernel's timer thread: one durable timer
 * ({@value #HANDLER} / {@value #KEY}) that, each time it fires, looks and schedules itself again
 * {@code reminderCheckSeconds} later. It is created once and then only moved on, so it survives
 * restarts and module uninstalls (it waits, and fires when the module is back), and an administrator sees
 * it with the other timers ({@code crm:timers}); if it ever ends FAILED, the next start of the module
 * schedules it again.
 *
 * <p>With several nodes on one database the timer runs on one node at a time, so a pop-up reaches the
 * sessions of the node that looked; each node's look covers the time since its own last look, so no
 * reminder is lost, only a node's pop-ups may come a few looks later. The bells' counts are read from
 * the table and right on every node.
 */
@Component(service = {ReminderTimer.class, TimerHandler.class}, immediate = true, configurationPid = ActivitiesConfig.PID,
        property = TimerHandler.NAME + "=" + ReminderTimer.HANDLER)
@Designate(ocd = ActivitiesConfig.class)
public class ReminderTimer implements TimerHandler {
    /** The timer's handler name. */
    public static final String HANDLER = "activities.reminders";
    /** The timer's key: there is one such timer. */
    public static final String KEY = "look";

    private final ReminderScheduler scheduler;
    private final Timers timers;
    private final Duration every;

    /**
     * @param scheduler looks for the reminders that came due and tells the sessions
     * @param timers the kernel's durable timers
     * @param config how often to look
     */
    @Activate
    public ReminderTimer(@Reference ReminderScheduler scheduler, @Reference Timers timers, ActivitiesConfig config) {
        this.scheduler = scheduler;
        this.timers = timers;
        this.every = Duration.ofSeconds(Math.max(1, config.reminderCheckSeconds()));
        Optional<TimerInfo> tick = timers.find(HANDLER, KEY);
        if (tick.isEmpty() || tick.get().state() == TimerState.FAILED
                || tick.get().dueAt().isAfter(Instant.now().plus(every))) { // the interval was shortened
            timers.schedule(HANDLER, KEY, Instant.now().plus(every), "");
        }
    }

    /** Looks, then moves the timer on; a failure to move it on is retried by the kernel. */
    @Override
    public void fire(DueTimer timer) {
        scheduler.look();
        timers.schedule(HANDLER, KEY, Instant.now().plus(every), "");
    }
}
