package org.tesseracrm.kernel.api.automation;

import java.util.Objects;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.RecordRef;

/**
 * What an {@link Action} did for one record, as the rule's run log shows it.
 *
 * @param outcome whether it did something
 * @param message one sentence for administrators, e.g. "Created activity Confirm meeting due 2026-12-07 10:00"
 * @param created the record the action created, if any, linked from the run log
 */
public record ActionResult(Outcome outcome, String message, Optional<RecordRef> created) {
    /** Whether the action did something. */
    public enum Outcome {
        /** The action did its work. */
        DONE,
        /** The action had nothing to do for this record (say, the assignee is not in the chosen groups). */
        SKIPPED
    }

    /** Checks the parts are present. */
    public ActionResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(created, "created");
    }

    /**
     * @param message what was done
     * @return a result of work done
     */
    public static ActionResult done(String message) {
        return new ActionResult(Outcome.DONE, message, Optional.empty());
    }

    /**
     * @param message what was done
     * @param record the record created
     * @return a result of work done that created a record
     */
    public static ActionResult created(String message, RecordRef record) {
        return new ActionResult(Outcome.DONE, message, Optional.of(record));
    }

    /**
     * @param reason why there was nothing to do
     * @return a result of no work
     */
    public static ActionResult skipped(String reason) {
        return new ActionResult(Outcome.SKIPPED, reason, Optional.empty());
    }
}
