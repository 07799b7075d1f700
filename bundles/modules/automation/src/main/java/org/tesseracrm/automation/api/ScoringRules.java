package org.tesseracrm.automation.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Scoring rules (issue 22 item 8): points from a record's values and the activities done on it, summed into a NUMBER
 * field of the record, so that lists, filters, boards and other rules can use the score. Every method needs
 * {@link Automation#CONFIGURE}.
 */
@ProviderType
public interface ScoringRules {
    /**
     * @return every rule, by record type and name
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     */
    List<ScoringRule> rules();

    /**
     * Saves a new rule ({@code id == 0}) or changes one. The scores are not recalculated at once: see
     * {@link #recalculate}.
     *
     * @param rule the rule as edited
     * @return the rule as saved
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the rule to change does not exist
     * @throws org.tesseracrm.kernel.api.ValidationException naming the part that is wrong; also when the record type
     *     has no score field yet
     */
    ScoringRule save(ScoringRule rule);

    /**
     * @param id a rule's id
     * @return whether there was such a rule
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     */
    boolean delete(long id);

    /**
     * @return the score field of each record type that has one
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     */
    Map<String, String> scoreFields();

    /**
     * Chooses the field a type's score is written to: a NUMBER field of the type, or, when {@code field} is empty, a
     * custom NUMBER field "Score" created for it (the existing one if the type has a field named so).
     *
     * @param recordType the record type id
     * @param field a NUMBER field's name, or empty to create one
     * @return the field's name
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE} (creating the
     *     field also needs the kernel's {@code administration.customize})
     * @throws org.tesseracrm.kernel.api.ValidationException if the field does not exist or is not a NUMBER
     */
    String setScoreField(String recordType, Optional<String> field);

    /**
     * Works out the score of every record of a type again (after rules changed), in pages, as the system.
     *
     * @param recordType the record type id
     * @return how many records got a new score
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link Automation#CONFIGURE}
     * @throws org.tesseracrm.kernel.api.ValidationException if the type has no score field
     */
    long recalculate(String recordType);
}
