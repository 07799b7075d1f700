package org.tesseracrm.kernel.api.automation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.tesseracrm.kernel.api.record.RecordType;

/**
 * Something that happens to records and can start a rule, e.g. "lead received" or "meeting scheduled",
 * contributed by any bundle as a whiteboard service with the service property {@link #ID} set to {@link #id()}.
 * Administrators pick it as a rule's trigger and fill in its {@link #parameters()}; the bundle posts a
 * {@link TriggerEvent} each time it happens, after commit, and the engine runs the rules of the trigger whose
 * configuration {@link #matches} the event.
 *
 * <p>When the bundle is uninstalled, its rules are shown as suspended (not dropped) and resume when it is back.
 * Methods are called through the kernel's guard: a trigger that throws is logged and treated as not matching.
 */
@ConsumerType
public interface Trigger {
    /** Service property: the trigger's id. */
    String ID = "crm.automation.trigger";

    /** @return a stable id, unique among triggers, prefixed by the module, e.g. {@code leads.received} */
    String id();

    /** @return what administrators read in the list of triggers, e.g. "Lead received" */
    String label();

    /**
     * @return the record types whose rules may use this trigger, by id; {@link RecordType#ALL} alone for every
     *     record type
     */
    Set<String> recordTypes();

    /** @return the configuration the admin UI asks for when the trigger is chosen; none by default */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * Whether an event of this trigger starts a rule configured so, e.g. whether a received lead's source is the one
     * the rule names. Called as {@code Caller.SYSTEM}, after the rule's record type matched; keep it a pure check
     * of the event (the engine checks the rule's {@link Criteria} on the record itself afterwards).
     *
     * @param event what happened
     * @param config the rule's values of {@link #parameters()}, as text by name
     * @return true to run the rule; by default every event does
     */
    default boolean matches(TriggerEvent event, Map<String, String> config) {
        return true;
    }
}
