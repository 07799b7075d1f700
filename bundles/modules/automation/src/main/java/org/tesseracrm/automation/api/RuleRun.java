package org.tesseracrm.automation.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a rule for one record, as the run log shows it.
 *
 * @param id the run's id
 * @param ruleId the rule
 * @param ruleVersion the version of the rule the run used
 * @param recordType the record type id of the record it ran for
 * @param recordId the record's id
 * @param trigger the id of the trigger that started it
 * @param depth 1 for a run a user's change started, one more for each rule whose action caused it
 * @param status where the run is
 * @param startedAt when the trigger happened
 * @param finishedAt when the run ended; empty while it is queued or waiting
 * @param message one sentence for administrators about the whole run (why it stopped, failed or waits); may be empty
 * @param steps each action's result, in the rule's order, for the actions that ran so far
 */
public record RuleRun(long id, long ruleId, int ruleVersion, String recordType, long recordId, String trigger,
        int depth, Status status, Instant startedAt, Optional<Instant> finishedAt, String message, List<Step> steps) {
    /** Where a run is. */
    public enum Status {
        /** Its actions are due (at once, or later for a delayed action). */
        QUEUED,
        /** A trigger or action it needs is not installed; it goes on when the bundle is back. */
        WAITING,
        /** Every action ran (some may have had nothing to do). */
        DONE,
        /** An action failed; the actions after it did not run. */
        FAILED,
        /** The run did not go on: the rule was switched off, or the chain of rules was too deep (loop protection). */
        STOPPED
    }

    /**
     * One action's result.
     *
     * @param position the action's place in the rule, from 1
     * @param action the action's id
     * @param outcome DONE, SKIPPED or FAILED
     * @param message what the action said, or the error
     * @param at when it ran
     */
    public record Step(int position, String action, String outcome, String message, Instant at) {
        /** Checks the parts are present. */
        public Step {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(at, "at");
        }
    }

    /** Checks the parts are present and keeps an unmodifiable copy of the steps. */
    public RuleRun {
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(message, "message");
        steps = List.copyOf(steps);
    }
}
