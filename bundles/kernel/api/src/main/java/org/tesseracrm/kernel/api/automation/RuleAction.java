package org.tesseracrm.kernel.api.automation;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a {@link Rule}: an {@link Action} with its configuration.
 *
 * @param action the id of the {@link Action}
 * @param config the values of the action's {@link Action#parameters()}, as text by name
 * @param delay how long after the trigger the action runs (on a durable timer); empty to run at once
 */
public record RuleAction(String action, Map<String, String> config, Optional<TimeSpan> delay) {
    /** Checks the parts are present and keeps an unmodifiable copy of the configuration. */
    public RuleAction {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(delay, "delay");
        config = Map.copyOf(config);
    }

    /**
     * @param action the action id
     * @param config its values
     * @return a step run at once
     */
    public static RuleAction of(String action, Map<String, String> config) {
        return new RuleAction(action, config, Optional.empty());
    }
}
