package org.tesseracrm.activities.internal.automation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.activities.internal.service.ActivityRecordType;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.TimerHandler;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * Marks an activity a rule created late when it is still open at its due time: the durable timer
 * {@value #HANDLER} (key: the activity id) that {@link CreateActivityAction} schedules at the due time. When it fires,
 * an activity that is gone or done stays as it is (completed in time: never late), one whose due time was moved
 * later waits for the new time, and an open one past its due time gets {@code late = true} through the record
 * platform (audited, with a record event). It runs on the kernel's timer thread as {@code Caller.SYSTEM}.
 */
@Component(service = TimerHandler.class, property = TimerHandler.NAME + "=" + LateActivities.HANDLER)
public class LateActivities implements TimerHandler {
    /** The timer handler's name. */
    public static final String HANDLER = "activities.late";

    private final Records records;
    private final Timers timers;
    private final Clock clock;

    /**
     * @param records reads and flags the activity
     * @param timers to wait again for a due time moved later
     */
    @Activate
    public LateActivities(@Reference Records records, @Reference Timers timers) {
        this(records, timers, Clock.systemUTC());
    }

    LateActivities(Records records, Timers timers, Clock clock) {
        this.records = records;
        this.timers = timers;
        this.clock = clock;
    }

    @Override
    public void fire(DueTimer timer) {
        long id;
        try {
            id = Long.parseLong(timer.key());
        } catch (NumberFormatException e) {
            return; // not an activity id: nothing to flag
        }
        Optional<RecordRow> found = records.get(ActivityRecordType.ID, id);
        if (found.isEmpty()) {
            return;
        }
        RecordRow activity = found.get();
        if (activity.bool("done").orElse(false) || activity.bool("late").orElse(false)) {
            return;
        }
        Optional<Instant> due = activity.dateTime("dueAt").map(at -> at.toInstant(ZoneOffset.UTC));
        Instant now = clock.instant();
        if (due.isEmpty()) {
            return;
        }
        if (!Deadlines.late(due.get(), Optional.empty(), now)) {
            timers.schedule(HANDLER, timer.key(), due.get().plusMillis(1), "");
            return;
        }
        records.update(ActivityRecordType.ID, id, activity.version(),
                RecordValues.builder().set("late", true).build());
    }
}
