package org.tesseracrm.automation.internal.scoring;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;

/**
 * Recalculates scores in the transaction of each change: a record of a scored type when it is created or changed
 * (not when the change is its score alone, which is the score's own write), and the record an activity is related to
 * when the activity is created, changed or deleted and activities done count for that record's type. Writes go
 * through {@link RecordLifecycle.Change#records()} as the system.
 */
@Component(service = RecordLifecycle.class, property = RecordType.ID + "=" + RecordType.ALL)
public class ScoreLifecycle implements RecordLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ScoreLifecycle.class);
    private final ScoringConfig config;
    private final CallerContext callers;
    private final CustomFields fields;
    private final RecordTypes types;

    /**
     * @param config the rules and score fields
     * @param callers runs the scoring as the system
     * @param fields the record types' fields
     * @param types installed record types
     */
    @Activate
    public ScoreLifecycle(@Reference ScoringConfig config, @Reference CallerContext callers,
            @Reference CustomFields fields, @Reference RecordTypes types) {
        this.config = config;
        this.callers = callers;
        this.fields = fields;
        this.types = types;
    }

    @Override
    public void afterCreate(Change change) {
        changed(change);
    }

    @Override
    public void afterUpdate(Change change) {
        changed(change);
    }

    @Override
    public void afterDelete(Change change) {
        if (Scorer.ACTIVITY.equals(change.recordType())) {
            change.before().ifPresent(activity -> related(change, activity));
        }
    }

    private void changed(Change change) {
        if (Scorer.WRITING.get()) {
            return;
        }
        ScoringConfig.Snapshot now = config.now();
        Optional<String> field = now.field(change.recordType());
        if (field.isPresent() && change.after().isPresent() && !change.fields().equals(Set.of(field.get()))) {
            // read again: another participant may have changed the record in this transaction already (an
            // assignment rule's new owner), and the score is written on the version as it is now
            callers.callAs(Caller.SYSTEM, () -> change.records().get(change.recordType(), change.id()))
                    .ifPresent(row -> rescore(change, now, change.recordType(), row, field.get()));
        }
        if (Scorer.ACTIVITY.equals(change.recordType())) {
            change.after().ifPresent(activity -> related(change, activity));
            change.before().filter(was -> !sameRecord(was, change.after().orElse(was)))
                    .ifPresent(was -> related(change, was));
        }
    }

    /** Scores the record an activity is related to again, if activities count for its type. */
    private void related(Change change, RecordRow activity) {
        String type = activity.text(Scorer.RELATED_TYPE);
        ScoringConfig.Snapshot now = config.now();
        if (type.isEmpty() || !now.countsActivities(type) || activity.decimal(Scorer.RELATED_ID).isEmpty()) {
            return;
        }
        long id = activity.decimal(Scorer.RELATED_ID).get().longValue();
        callers.callAs(Caller.SYSTEM, () -> change.records().get(type, id)).ifPresent(row ->
                rescore(change, now, type, row, now.field(type).orElseThrow()));
    }

    private static boolean sameRecord(RecordRow a, RecordRow b) {
        return a.text(Scorer.RELATED_TYPE).equals(b.text(Scorer.RELATED_TYPE))
                && a.text(Scorer.RELATED_ID).equals(b.text(Scorer.RELATED_ID));
    }

    /**
     * Writes the score; a refusal (the type's module refusing the system's write, a score field removed) is logged.
     * The platform marks the change's transaction for rollback on any refusal, so the user's change fails with it:
     * the record is read again before (see {@link #changed}) so that no version conflict arises from this module.
     */
    private void rescore(Change change, ScoringConfig.Snapshot now, String type, RecordRow row, String field) {
        try {
            callers.callAs(Caller.SYSTEM, () -> {
                List<FieldDefinition> activityFields = types.find(Scorer.ACTIVITY).isPresent()
                        ? fields.fields(Scorer.ACTIVITY) : List.of();
                return Scorer.rescore(change.records(), fields.fields(type), activityFields, now.rules().get(type),
                        type, row, field);
            });
        } catch (CrmException e) {
            LOG.warn("The score of {} #{} (version {}) was not written: {}", type, row.id(), row.version(), e.getMessage(), e);
        }
    }
}
