package org.tesseracrm.kernel.api.automation;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.tesseracrm.kernel.api.record.RecordType;

/**
 * Something a rule does to or for a record, e.g. "create an activity" or a bundle's own custom function,
 * contributed by any bundle as a whiteboard service with the service property {@link #ID} set to {@link #id()}.
 * Administrators add it to a rule and fill in its {@link #parameters()}; the engine calls {@link #run} for each
 * record the rule acts on, and writes what it returns into the rule's run log.
 *
 * <p>{@code run} is called as {@code Caller.SYSTEM} (the engine has checked the rule is active and its criteria
 * hold), inside a {@link org.tesseracrm.kernel.api.persistence.TransactionScope}: what the action writes to the
 * CRM database commits with the run log entry, and a thrown exception rolls it back and is logged as the action's
 * error. A delayed run happens on a durable timer and may, after a node dies, happen again: make work outside the
 * database safe to repeat. Changes the action makes to records raise record events, and so may start rules again;
 * the engine stops such a chain at a bounded {@link ActionContext#depth() depth}.
 *
 * <p>When the bundle is uninstalled, the rules using the action are shown as suspended and resume when it is back.
 */
@ConsumerType
public interface Action {
    /** Service property: the action's id. */
    String ID = "crm.automation.action";

    /** @return a stable id, unique among actions, prefixed by the module, e.g. {@code activities.create} */
    String id();

    /** @return what administrators read in the list of actions, e.g. "Create an activity" */
    String label();

    /**
     * @return the record types whose rules may use this action, by id; {@link RecordType#ALL} alone (the default)
     *     for every record type
     */
    default Set<String> recordTypes() {
        return Set.of(RecordType.ALL);
    }

    /** @return the configuration the admin UI asks for when the action is added; none by default */
    default List<Parameter> parameters() {
        return List.of();
    }

    /**
     * Does the action for one record.
     *
     * @param context the rule, the event, the record and this action's configuration
     * @return what happened, for the run log
     * @throws org.tesseracrm.kernel.api.ValidationException when the configuration does not fit the record (logged
     *     as the action's error, with its message)
     */
    ActionResult run(ActionContext context);
}
