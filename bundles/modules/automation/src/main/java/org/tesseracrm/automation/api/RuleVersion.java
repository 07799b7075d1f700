package org.tesseracrm.automation.api;

import java.time.Instant;
import java.util.Objects;

import org.tesseracrm.kernel.api.automation.Rule;

/**
 * One saved version of a rule.
 *
 * @param rule the rule as it was saved
 * @param savedBy the user name of who saved it
 * @param savedAt when
 */
public record RuleVersion(Rule rule, String savedBy, Instant savedAt) {
    /** Checks the parts are present. */
    public RuleVersion {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(savedBy, "savedBy");
        Objects.requireNonNull(savedAt, "savedAt");
    }
}
