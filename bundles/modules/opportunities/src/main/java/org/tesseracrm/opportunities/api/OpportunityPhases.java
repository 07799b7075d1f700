package org.tesseracrm.opportunities.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * The admin-defined phases of opportunities, the move of an opportunity to another phase, its phase
 * history and its contacts. Every method checks the caller's permissions.
 *
 * <p>The phases are the values of the opportunity's {@code phase} pick-list, in the admin's order: the
 * module keeps the pick-list in step with the phases, so lists, filters, imports, the REST API and the
 * kit's board group and validate by it like any pick-list. Whatever changes an opportunity (a form, an
 * import, the API, a bulk edit, a board move through {@code Records.update}), the module's lifecycle
 * participant keeps its expected amount ({@code amount x probability / 100}), refuses a lost phase without
 * a lost reason and writes the phase history, in the change's transaction.
 */
@ProviderType
public interface OpportunityPhases {
    /** Permission to move an opportunity to another phase without {@code opportunities.edit}. */
    String MOVE_PHASE = "opportunities.move-phase";
    /** Permission to change the phases (and the module's pick-lists and fields). */
    String CONFIGURE = "opportunities.configure";

    /**
     * @return every phase in the admin's order, inactive ones included
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code opportunities.view}
     */
    List<Phase> phases();

    /**
     * Adds a phase at the end of the order.
     *
     * @param name its name
     * @param probability win probability, 0 to 100
     * @param kind open, won or lost
     * @return the new phase
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #CONFIGURE}
     * @throws org.tesseracrm.kernel.api.ValidationException for a blank, long or taken name or a probability out of range
     */
    Phase add(String name, int probability, PhaseKind kind);

    /**
     * Changes a phase: its name (opportunities and their history follow), probability (the expected amounts
     * of the opportunities in it are recomputed if it is an open phase), kind and whether it is offered.
     *
     * @param id the phase
     * @param name the new name
     * @param probability the new probability
     * @param kind the new kind
     * @param active false to stop offering it
     * @return the phase as changed
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #CONFIGURE}
     * @throws org.tesseracrm.kernel.api.ValidationException for bad values, or deactivating the last active open phase
     * @throws org.tesseracrm.kernel.api.NotFoundException for an unknown phase
     */
    Phase change(long id, String name, int probability, PhaseKind kind, boolean active);

    /**
     * Puts the phases in a new order.
     *
     * @param ids every phase id, in the new order
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #CONFIGURE}
     * @throws org.tesseracrm.kernel.api.ValidationException if the ids are not exactly the phases'
     */
    void reorder(List<Long> ids);

    /**
     * Deletes a phase no opportunity is in.
     *
     * @param id the phase
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #CONFIGURE}
     * @throws org.tesseracrm.kernel.api.ValidationException if opportunities are in it: deactivate it instead
     */
    void delete(long id);

    /**
     * Moves an opportunity to another phase: the board's and the form's operation.
     *
     * @param opportunityId the opportunity
     * @param version its version as the caller read it
     * @param phase the name of the phase to move to
     * @param lostReason why it was lost, required for a lost phase; blank keeps the one it has
     * @return the opportunity after the move
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #MOVE_PHASE} or {@code opportunities.edit}
     * @throws org.tesseracrm.kernel.api.ValidationException for an unknown or inactive phase, or a lost phase without a reason
     * @throws org.tesseracrm.kernel.api.ConflictException if the opportunity changed since it was read
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the opportunity
     */
    RecordRow move(long opportunityId, long version, String phase, String lostReason);

    /**
     * @param opportunityId an opportunity the caller sees
     * @return its phase history, oldest first, with the time spent in each phase
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see it
     */
    List<PhaseChange> history(long opportunityId);

    /**
     * @param opportunityId an opportunity the caller sees
     * @return its contacts with their roles
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see it
     */
    List<OpportunityContact> contacts(long opportunityId);

    /**
     * @param contactId a contact
     * @return the opportunities the contact takes part in that the caller sees, with the contact's role
     */
    List<OpportunityContact> opportunitiesOf(long contactId);

    /**
     * Adds a contact to an opportunity, or changes their role in it.
     *
     * @param opportunityId an opportunity the caller may edit
     * @param contactId a contact the caller sees
     * @param role the role; blank for none
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code opportunities.edit}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see either record
     */
    void putContact(long opportunityId, long contactId, String role);

    /**
     * Takes a contact off an opportunity.
     *
     * @param opportunityId an opportunity the caller may edit
     * @param contactId the contact
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code opportunities.edit}
     */
    void removeContact(long opportunityId, long contactId);
}
