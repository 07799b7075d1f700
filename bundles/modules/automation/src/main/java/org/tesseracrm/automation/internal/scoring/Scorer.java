package org.tesseracrm.automation.internal.scoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.tesseracrm.automation.api.ScoringRule;
import org.tesseracrm.automation.internal.engine.Conditions;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;

/**
 * Works a record's score out and writes it when it changed, through the record platform given (acting as the system,
 * in the caller's transaction), so the score is stored like any field: in lists, filters, boards, history and record
 * events. The write is an update of the score field alone; {@link #WRITING} tells the lifecycle participant that the
 * update is the score's own, so it does not score again.
 */
final class Scorer {
    /** The activities module's record type, and the fields that relate an activity to a record. */
    static final String ACTIVITY = "activity";
    static final String RELATED_TYPE = "relatedType";
    static final String RELATED_ID = "relatedId";
    static final String DONE = "done";
    /** Set while the score is written, on the writing thread. */
    static final ThreadLocal<Boolean> WRITING = ThreadLocal.withInitial(() -> false);
    private static final int ACTIVITIES_READ = RecordQuery.MAX_LIMIT;

    private Scorer() {
    }

    /**
     * @param records the record platform, as the system
     * @param fields the record type's fields
     * @param activityFields the activity type's fields; empty when the activities module is not installed
     * @param rules the type's active rules
     * @param recordType the record type
     * @param row the record as stored
     * @param field the score field
     * @return whether the score changed and was written
     */
    static boolean rescore(Records records, List<FieldDefinition> fields, List<FieldDefinition> activityFields,
            List<ScoringRule> rules, String recordType, RecordRow row, String field) {
        Instant now = Instant.now();
        List<RecordRow> done = rules.stream().anyMatch(r -> r.basis() == ScoringRule.Basis.ACTIVITIES_DONE)
                && !activityFields.isEmpty() ? activitiesDone(records, recordType, row.id()) : List.of();
        long score = Score.of(rules, rule -> meets(fields, rule, row, now),
                rule -> activityFields.isEmpty() ? 0
                        : done.stream().filter(a -> meets(activityFields, rule, a, now)).count());
        Optional<BigDecimal> stored = row.value(field).filter(BigDecimal.class::isInstance).map(BigDecimal.class::cast);
        if (stored.isPresent() && stored.get().compareTo(BigDecimal.valueOf(score)) == 0) {
            return false;
        }
        WRITING.set(true);
        try {
            records.update(recordType, row.id(), row.version(), RecordValues.builder().set(field, score).build());
        } finally {
            WRITING.set(false);
        }
        return true;
    }

    private static boolean meets(List<FieldDefinition> fields, ScoringRule rule, RecordRow row, Instant now) {
        try {
            return Conditions.matches(fields, rule.criteria(), row, now, ZoneOffset.UTC);
        } catch (ValidationException e) { // a field removed since the rule was saved: the rule gives nothing
            return false;
        }
    }

    /** @return the activities done related to the record, at most {@value #ACTIVITIES_READ} */
    private static List<RecordRow> activitiesDone(Records records, String recordType, long id) {
        return records.page(ACTIVITY, RecordQuery.page(0, ACTIVITIES_READ).withFilters(List.of(
                Filter.of(RELATED_TYPE, FilterOp.EQUALS, recordType),
                Filter.of(RELATED_ID, FilterOp.EQUALS, String.valueOf(id)),
                Filter.of(DONE, FilterOp.EQUALS, "true"))));
    }
}
