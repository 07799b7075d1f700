package org.tesseracrm.reports.internal.kpi;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.Measure;
import org.tesseracrm.reports.api.Drill;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportContext;

/**
 * Reads survey responses (record type {@code survey} of the Surveys module) of one kind answered in a period, counted
 * by score in one grouped read as the caller.
 */
final class SurveyScores {
    /** The survey response record type. */
    static final String TYPE = "survey";
    static final String KIND = "kind";
    static final String SCORE = "score";
    static final String ANSWERED_ON = "answeredOn";

    private SurveyScores() {
    }

    /**
     * @param source the report, for the type's fields
     * @param context the caller's context
     * @param period the period
     * @param kind {@code NPS} or {@code CSAT}
     * @return the number of answers per score
     * @throws KpiSource.MissingData without the Surveys module
     */
    static Map<Integer, Long> counts(KpiSource source, ReportContext context, Period period, String kind) {
        List<Filter> filters = filters(source, context, period, kind);
        List<AggregateRow> rows = context.records().aggregate(TYPE, KpiSource.query(filters),
                List.of(Grouping.by(SCORE)), List.of(Measure.count()));
        Map<Integer, Long> counts = new TreeMap<>();
        for (AggregateRow row : rows) {
            Optional<String> key = row.keys().get(0);
            if (key.isPresent()) { // the score is required: a row without one is not an answer
                counts.merge(new BigDecimal(key.get()).intValueExact(), row.value(0).longValueExact(), Long::sum);
            }
        }
        return counts;
    }

    /**
     * @param source the report
     * @param context the caller's context
     * @param period the period
     * @param kind the survey kind
     * @return the filters of the kind's answers in the period
     */
    static List<Filter> filters(KpiSource source, ReportContext context, Period period, String kind) {
        Map<String, FieldDefinition> fields = source.require(TYPE, "Surveys", "crm-surveys");
        return List.of(Filter.of(KIND, FilterOp.IN, kind), KpiSource.in(fields.get(ANSWERED_ON), period, context));
    }

    /**
     * @param source the report
     * @param context the caller's context
     * @param kind the survey kind
     * @return the answers behind the figure
     */
    static Optional<Drill> drill(KpiSource source, ReportContext context, String kind) {
        if (!source.installed(TYPE)) {
            return Optional.empty();
        }
        return Optional.of(new Drill(TYPE, Optional.empty(),
                filters(source, context, KpiSource.period(context), kind)));
    }
}
