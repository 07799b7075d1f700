package org.tesseracrm.automation.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of a schedule over its view's records.
 *
 * @param id the run's id
 * @param scheduleId the schedule
 * @param startedAt when it started
 * @param finishedAt when it ended
 * @param records how many records the view selected
 * @param done how many action runs did something
 * @param skipped how many had nothing to do
 * @param failed how many failed (or found their action not installed)
 * @param message one sentence for administrators: the first error, or empty
 */
public record ScheduleRun(long id, long scheduleId, Instant startedAt, Instant finishedAt, long records, long done,
        long skipped, long failed, String message) {
    /** Checks the parts are present. */
    public ScheduleRun {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(message, "message");
    }
}
