package org.tesseracrm.automation.internal.scoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.automation.api.ScoringRule;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;

/**
 * The scoring rules and score fields as the record changes need them, read once and kept a short while (the
 * service drops them on every save; another node's save shows within {@value #KEEP_MILLIS} ms). A component of its
 * own so that the lifecycle participant needs no reference to the service, which references the record platform.
 */
@Component(service = ScoringConfig.class)
public class ScoringConfig {
    static final long KEEP_MILLIS = 30_000;

    /** The active rules of each type that has a score field, and those fields. */
    record Snapshot(Map<String, List<ScoringRule>> rules, Map<String, String> fields, long at) {
        Optional<String> field(String recordType) {
            return rules.containsKey(recordType) ? Optional.ofNullable(fields.get(recordType)) : Optional.empty();
        }

        /** @return whether activities done count for the record type */
        boolean countsActivities(String recordType) {
            return field(recordType).isPresent() && rules.get(recordType).stream()
                    .anyMatch(r -> r.basis() == ScoringRule.Basis.ACTIVITIES_DONE);
        }
    }

    private final TransactionScope scope;
    private volatile Snapshot snapshot;

    /**
     * @param scope the CRM database's transactions
     * @param schema the module's tables, migrated
     */
    @Activate
    public ScoringConfig(@Reference TransactionScope scope,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.automation)") MigratedSchema schema) {
        this.scope = scope;
    }

    /** @return the rules and fields, read again when older than {@value #KEEP_MILLIS} ms */
    Snapshot now() {
        Snapshot kept = snapshot;
        if (kept == null || System.currentTimeMillis() - kept.at() > KEEP_MILLIS) {
            kept = scope.required(c -> new Snapshot(ScoringStore.all(c).stream().filter(ScoringRule::active)
                    .collect(Collectors.groupingBy(ScoringRule::recordType)), ScoringStore.fields(c),
                    System.currentTimeMillis()));
            snapshot = kept;
        }
        return kept;
    }

    /** Forgets what was read, after a save. */
    void drop() {
        snapshot = null;
    }
}
