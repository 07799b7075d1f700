package org.tesseracrm.automation.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.tesseracrm.kernel.api.automation.Rule;

/**
 * A rule at its current version and whether it can run now.
 *
 * @param rule the rule
 * @param state whether it runs
 * @param missing the ids of the triggers and actions it uses that no installed bundle contributes now (not empty
 *     exactly when {@link State#SUSPENDED})
 * @param savedBy the user name of who saved the current version
 * @param savedAt when the current version was saved
 */
public record RuleStatus(Rule rule, State state, List<String> missing, String savedBy, Instant savedAt) {
    /** Whether a rule runs. */
    public enum State {
        /** It is switched on and everything it uses is installed. */
        ACTIVE,
        /** An administrator switched it off. */
        INACTIVE,
        /**
         * It is switched on, but a trigger or action it uses is not installed: it starts no runs and its delayed
         * actions wait, until the bundle is back.
         */
        SUSPENDED
    }

    /** Checks the parts are present and keeps an unmodifiable copy of the missing ids. */
    public RuleStatus {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(savedBy, "savedBy");
        Objects.requireNonNull(savedAt, "savedAt");
        missing = List.copyOf(missing);
    }
}
