package org.tesseracrm.automation.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.kernel.api.automation.Rule;

/**
 * Workflow rules and their run log. Every method checks the caller's permissions: reading rules, the catalogue
 * and the run log needs {@link #VIEW}, saving, switching and deleting rules {@link #CONFIGURE}. Rules act as the
 * system, so only administrators should hold {@link #CONFIGURE}.
 */
@ProviderType
public interface Automation {
    /** Permission to read rules, the catalogue of triggers and actions, and the run log. */
    String VIEW = "automation.view";
    /** Permission to save, switch on and off, and delete rules. */
    String CONFIGURE = "automation.configure";

    /**
     * @return every rule at its current version, by name
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #VIEW}
     */
    List<RuleStatus> rules();

    /**
     * @param ruleId a rule's id
     * @return the rule at its current version
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #VIEW}
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is no such rule
     */
    RuleStatus rule(long ruleId);

    /**
     * @param ruleId a rule's id
     * @return every saved version of the rule, newest first
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #VIEW}
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is no such rule
     */
    List<RuleVersion> versions(long ruleId);

    /**
     * Saves a new rule ({@code rule.id() == 0}, version 1) or a new version of one (the version the caller edited,
     * which must still be the current one). A run started before keeps the version it started with.
     *
     * @param rule the rule as edited
     * @return the rule as saved, at its new version
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #CONFIGURE}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the rule to change does not exist
     * @throws org.tesseracrm.kernel.api.ConflictException if someone saved the rule since the edited version
     * @throws org.tesseracrm.kernel.api.ValidationException naming the part that is wrong: a blank or too long name,
     *     an unknown record type, trigger or action, a trigger or action that does not apply to the record type, a
     *     required parameter left blank, a choice not offered, criteria that do not fit the record type
     */
    RuleStatus save(Rule rule);

    /**
     * Switches a rule on or off; a rule switched off starts no runs, and its delayed actions still due do nothing
     * (the run log says so).
     *
     * @param ruleId a rule's id
     * @param active whether it should run
     * @return the rule as it is now (switching saves no new version)
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #CONFIGURE}
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is no such rule
     */
    RuleStatus setActive(long ruleId, boolean active);

    /**
     * Deletes a rule, its versions, its run log and its delayed actions still due.
     *
     * @param ruleId a rule's id
     * @return whether there was such a rule
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #CONFIGURE}
     */
    boolean delete(long ruleId);

    /**
     * @param ruleId a rule's id
     * @param limit the most returned, 1 to 1000
     * @return the rule's runs, newest first, each with its actions' results
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #VIEW}
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is no such rule
     */
    List<RuleRun> runs(long ruleId, int limit);

    /**
     * @return the triggers rules can use now (the engine's own and those contributed by installed bundles), by label
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #VIEW}
     */
    List<Contribution> triggers();

    /**
     * @return the actions rules can use now (the engine's own and those contributed by installed bundles), by label
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #VIEW}
     */
    List<Contribution> actions();
}
