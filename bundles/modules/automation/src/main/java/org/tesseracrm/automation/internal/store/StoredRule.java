package org.tesseracrm.automation.internal.store;

import java.time.Instant;

import org.tesseracrm.kernel.api.automation.Rule;

/**
 * A rule at its current version as stored.
 *
 * @param rule the rule (with whether it is switched on)
 * @param savedBy who saved the current version
 * @param savedAt when
 */
public record StoredRule(Rule rule, String savedBy, Instant savedAt) {
}
