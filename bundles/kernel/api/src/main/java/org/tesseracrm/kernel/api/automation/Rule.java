package org.tesseracrm.kernel.api.automation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A workflow rule as an administrator built it: when its {@link Trigger} happens to a record of its type and the
 * record meets its {@link Criteria}, its actions run in order. Every save of a rule is a new {@link #version()};
 * a run records the version it used.
 *
 * @param id the rule's id
 * @param version its version, from 1
 * @param name what administrators call it, e.g. "First filter for marketing leads"
 * @param recordType the record type id it applies to
 * @param trigger the id of its {@link Trigger}
 * @param triggerConfig the values of the trigger's {@link Trigger#parameters()}, as text by name
 * @param criteria the conditions the record must meet when the trigger happens
 * @param actions what it does, in order; at least one
 * @param repeat whether it runs for a record once or every time
 * @param active whether it runs at all
 */
public record Rule(long id, int version, String name, String recordType, String trigger,
        Map<String, String> triggerConfig, Criteria criteria, List<RuleAction> actions, Repeat repeat,
        boolean active) {
    /** How often a rule runs for the same record. */
    public enum Repeat {
        /** The first time the trigger happens to the record and the criteria hold, never again. */
        ONCE_PER_RECORD,
        /** Every time the trigger happens to the record and the criteria hold. */
        EVERY_TIME
    }

    /** Checks the parts are present and keeps unmodifiable copies. */
    public Rule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(criteria, "criteria");
        Objects.requireNonNull(repeat, "repeat");
        triggerConfig = Map.copyOf(triggerConfig);
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException("A rule needs at least one action");
        }
        if (version < 1) {
            throw new IllegalArgumentException("A rule's version starts at 1, was " + version);
        }
    }
}
