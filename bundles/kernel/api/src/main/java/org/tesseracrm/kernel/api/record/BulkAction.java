package org.tesseracrm.kernel.api.record;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An action a module adds to the bulk menu of another (or its own) record type's list, registered as
 * a service with property {@link RecordType#ID} naming the record type, or {@link RecordType#ALL} for
 * every type. The list shows it to users holding {@link #permission()}, asks for its {@link #inputs()}
 * and hands it the ids of the selected records, already limited to the records the user sees.
 *
 * <p>An action implements one of the two {@code run} methods: the one with input values, or (since
 * API 2.0, for actions without inputs) the one without. The list calls the one with values.
 *
 * <p>{@code run} is called as the signed-in user, and like every service method it checks the
 * permission again itself: the list's check is a convenience, not the guard.
 */
@ConsumerType
public interface BulkAction {
    /** @return a stable id, unique for the record type, e.g. {@code companies.link-contacts} */
    String id();

    /** @return the menu label, e.g. "Add to campaign" */
    String label();

    /** @return the permission a user needs to see and run the action */
    String permission();

    /**
     * @return what the user enters before the action runs (say, a task's subject and due date), shown
     *     as the inputs of a form would show these fields; none by default. Pick-list inputs are not
     *     offered: the list has no values for them
     */
    default List<FieldDefinition> inputs() {
        return List.of();
    }

    /**
     * @param recordType the record type id of the list
     * @param ids the selected records, at most {@link Records#BULK_LIMIT}
     * @param values the entered {@link #inputs()} as text by field name, as forms give them to
     *     {@link Records#update}; blank ones left out
     * @return what happened, shown to the user, e.g. "12 contacts added to Spring launch"
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without the permission
     * @throws org.tesseracrm.kernel.api.ValidationException with a message the user can act on
     */
    default String run(String recordType, List<Long> ids, Map<String, String> values) {
        return run(recordType, ids);
    }

    /**
     * The action without inputs, as {@code record} API 2.0 defined it; kept so that modules built
     * against 2.0 keep working (see the implementer guide's versioning rules).
     *
     * @param recordType the record type id of the list
     * @param ids the selected records, at most {@link Records#BULK_LIMIT}
     * @return what happened, shown to the user
     * @throws UnsupportedOperationException unless the action implements this method or the one
     *     with values
     */
    default String run(String recordType, List<Long> ids) {
        throw new UnsupportedOperationException(getClass().getName() + " implements neither run method");
    }
}
