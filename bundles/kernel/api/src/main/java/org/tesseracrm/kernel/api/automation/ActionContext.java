package org.tesseracrm.kernel.api.automation;

import java.util.Map;
import java.util.Objects;

/**
 * What an {@link Action} is run with.
 *
 * @param ruleId the id of the rule that runs
 * @param ruleVersion the version of the rule this run uses (a rule changed later keeps its runs' versions)
 * @param event what started the rule; its record is the record to act on
 * @param config the action's values of {@link Action#parameters()} in this rule, as text by name
 * @param depth 1 for a run started by a user's change, one more for each rule whose action caused the change
 *     that started this run
 */
public record ActionContext(long ruleId, int ruleVersion, TriggerEvent event, Map<String, String> config,
        int depth) {
    /** Checks the parts are present and keeps an unmodifiable copy of the configuration. */
    public ActionContext {
        Objects.requireNonNull(event, "event");
        config = Map.copyOf(config);
        if (depth < 1) {
            throw new IllegalArgumentException("depth starts at 1, was " + depth);
        }
    }

    /** @return the record type id of the record to act on */
    public String recordType() {
        return event.recordType();
    }

    /** @return the id of the record to act on */
    public long recordId() {
        return event.recordId();
    }
}
