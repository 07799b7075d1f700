package org.tesseracrm.automation.internal.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.automation.api.RuleRun;
import org.tesseracrm.kernel.api.automation.TriggerEvent;

/**
 * A run as AUTOMATION_RUN keeps it, with the trigger event that started it.
 *
 * @param id the run's id
 * @param ruleId the rule
 * @param ruleVersion the version it uses
 * @param recordType the record's type
 * @param recordId the record's id
 * @param trigger the trigger's id
 * @param actor who caused the trigger
 * @param details the trigger event's details
 * @param depth its depth in a chain of rules
 * @param status where it is
 * @param startedAt when the trigger happened
 * @param finishedAt when it ended
 * @param message why it stopped, failed or waits; "" for none
 */
public record StoredRun(long id, long ruleId, int ruleVersion, String recordType, long recordId, String trigger,
        String actor, Map<String, String> details, int depth, RuleRun.Status status, Instant startedAt,
        Optional<Instant> finishedAt, String message) {
    /** @return the trigger event the run's actions are given */
    public TriggerEvent event() {
        return new TriggerEvent(trigger, recordType, recordId, actor, startedAt, details);
    }
}
