package org.tesseracrm.automation.api;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * Blueprints and the moves they allow. Managing blueprints needs {@link Automation#CONFIGURE} (reading them
 * {@link Automation#VIEW}); a record's moves need the view permission of the record type's module and the record's
 * visibility, moving it the edit permission too (and the transition's right).
 */
@ProviderType
public interface Blueprints {
    /** Id of the automation trigger posted after each move. */
    String TRIGGER = "automation.blueprint.transition";

    /**
     * @return every blueprint, by name
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#VIEW}
     */
    List<Blueprint> blueprints();

    /**
     * @param id a blueprint id
     * @return the blueprint
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#VIEW}
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is no such blueprint
     */
    Blueprint blueprint(long id);

    /**
     * Saves a new blueprint ({@code id == 0}) or changes one (the version the caller read).
     *
     * @param blueprint the blueprint as edited
     * @return the blueprint as saved
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     * @throws org.tesseracrm.kernel.api.ValidationException naming the part that is wrong (blank or taken name,
     *     unknown record type, a field that is not a pick-list, a state not in the pick-list, a transition from or to
     *     an unknown state, a duplicate transition name, an unknown required field, user, role or group, another
     *     active blueprint on the same field)
     * @throws org.tesseracrm.kernel.api.ConflictException if someone saved it since
     */
    Blueprint save(Blueprint blueprint);

    /**
     * @param id a blueprint id
     * @return whether there was such a blueprint
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     */
    boolean delete(long id);

    /**
     * @param recordType a record type id
     * @return the active blueprints of the type (one per field at most)
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without the module's view permission
     */
    List<Blueprint> active(String recordType);

    /**
     * @param recordType a record type id
     * @param recordId a record the caller sees
     * @return the moves the caller may make now from the record's states, by blueprint and name
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without the module's view permission
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the record
     */
    List<Transition> available(String recordType, long recordId);

    /**
     * Makes a move: sets the blueprint's field to the transition's state, with the values the transition asks for,
     * through the record platform (which checks the move again).
     *
     * @param recordType a record type id
     * @param recordId a record the caller sees
     * @param version the record's version the caller read
     * @param transition the transition's name
     * @param values the required fields' values (text as the forms send it), by field name
     * @return the record after the move
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without the module's edit permission or the
     *     transition's right
     * @throws org.tesseracrm.kernel.api.ValidationException if the transition does not start from the record's state,
     *     or a required field is blank
     */
    RecordRow move(String recordType, long recordId, long version, String transition, Map<String, String> values);
}
