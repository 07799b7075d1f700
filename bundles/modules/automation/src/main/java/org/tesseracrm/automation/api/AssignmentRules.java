package org.tesseracrm.automation.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Assignment rules (issue 22 item 4): they set the owner of records created in a form, through the REST API or by an
 * import, when the creator left the owner to default. Every method needs {@link Automation#CONFIGURE}.
 */
@ProviderType
public interface AssignmentRules {
    /**
     * @return every rule, by record type and position
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     */
    List<AssignmentRule> rules();

    /**
     * Saves a new rule ({@code id == 0}) or changes one; a position moves the rule among its type's rules.
     *
     * @param rule the rule as edited
     * @return the rule as saved
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the rule to change does not exist
     * @throws org.tesseracrm.kernel.api.ValidationException naming the part that is wrong (name, record type,
     *     criteria, a user, group or role that does not exist, a pool that does not fit the strategy, open filters)
     */
    AssignmentRule save(AssignmentRule rule);

    /**
     * @param id a rule's id
     * @return whether there was such a rule
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     */
    boolean delete(long id);
}
