package org.tesseracrm.reports.internal.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.DateBucket;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.Measure;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportContext;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.api.ReportSource;
import org.tesseracrm.reports.internal.kpi.KpiFormulas.Gaps;

/**
 * Customer interaction (seed 001, R-ANA-3): per company, its touch points in the period (done activities on the
 * company) and the gaps between them, longest silences first.
 */
@Component(service = ReportSource.class)
public class InteractionSource extends KpiSource {
    static final String TYPE = "activity";
    /** A custom pick-list of activities an administrator may add (label "Direction", values In and Out). */
    static final String DIRECTION = "cf_direction";

    /**
     * @param types the installed record types
     * @param fields the types' fields
     */
    @Activate
    public InteractionSource(@Reference RecordTypes types, @Reference CustomFields fields) {
        super(types, fields);
    }

    @Override
    public String id() {
        return "kpi.interaction";
    }

    @Override
    public String title() {
        return "Customer interaction";
    }

    @Override
    public String description() {
        return "Per company: touch points = done activities on the company (calls, meetings, tasks, video meetings) "
                + "due in the period; touch days = days with at least one; days since the last touch point (to the "
                + "period's last day, or today within the period); average gap = days between the first and last touch "
                + "day / (touch days - 1); longest gap = the longest silence, the current one included. With a pick-list "
                + "\"Direction\" (In, Out) on activities, touch points in and out are counted apart.";
    }

    @Override
    public ChartKind chart() {
        return ChartKind.TABLE;
    }

    @Override
    ReportResult compute(ReportContext context, Period period, String title) {
        Map<String, FieldDefinition> fields = require(TYPE, "Activities", "crm-activities");
        List<Filter> filters = List.of(Filter.of("done", FilterOp.EQUALS, "true"),
                Filter.of("relatedType", FilterOp.EQUALS, Customers.TYPE), in(fields.get("dueAt"), period, context));
        Map<Long, List<LocalDate>> days = new LinkedHashMap<>();
        Map<Long, Long> touches = new HashMap<>();
        for (AggregateRow row : context.records().aggregate(TYPE, query(filters),
                List.of(Grouping.by("relatedId"), Grouping.by("dueAt", DateBucket.DAY)), List.of(Measure.count()))) {
            if (row.keys().get(0).isPresent() && row.keys().get(1).isPresent()) {
                long company = new BigDecimal(row.keys().get(0).get()).longValueExact();
                days.computeIfAbsent(company, c -> new ArrayList<>()).add(LocalDate.parse(row.keys().get(1).get()));
                touches.merge(company, row.value(0).longValueExact(), Long::sum);
            }
        }
        boolean directed = fields.containsKey(DIRECTION) && fields.get(DIRECTION).type() == FieldType.PICKLIST;
        Map<Long, long[]> inOut = new HashMap<>();
        if (directed) {
            for (AggregateRow row : context.records().aggregate(TYPE, query(filters),
                    List.of(Grouping.by("relatedId"), Grouping.by(DIRECTION)), List.of(Measure.count()))) {
                if (row.keys().get(0).isPresent() && row.keys().get(1).isPresent()) {
                    long company = new BigDecimal(row.keys().get(0).get()).longValueExact();
                    String direction = row.keys().get(1).get();
                    long[] counts = inOut.computeIfAbsent(company, c -> new long[2]);
                    counts["In".equalsIgnoreCase(direction) ? 0 : 1] += row.value(0).longValueExact();
                }
            }
        }
        LocalDate today = LocalDate.now(context.zone());
        LocalDate asOf = period.to().isAfter(today) ? today : period.to();
        Map<Long, String> names = context.records().shownTitles(Customers.TYPE, days.keySet());
        List<AggregateRow> rows = new ArrayList<>();
        for (Map.Entry<Long, List<LocalDate>> entry : days.entrySet()) {
            long company = entry.getKey();
            Gaps gaps = KpiFormulas.gaps(entry.getValue(), asOf);
            long[] counts = inOut.get(company);
            rows.add(new AggregateRow(List.of(Optional.of(Long.toString(company))),
                    List.of(names.getOrDefault(company, "Company #" + company)),
                    numbers(touches.get(company), directed ? (counts == null ? 0L : counts[0]) : null,
                            directed ? (counts == null ? 0L : counts[1]) : null, gaps.touches(),
                            gaps.daysSinceLast().orElse(null), gaps.averageGapDays(), gaps.longestGapDays().orElse(null))));
        }
        rows.sort(Comparator.comparing((AggregateRow r) -> r.value(4)).reversed());
        return new ReportResult(title, List.of("Company"), List.of("Touch points", "In", "Out", "Touch days",
                "Days since last", "Average gap (days)", "Longest gap (days)"), rows,
                directed ? Optional.empty() : Optional.of("Touch points in and out are not told apart: add a pick-list "
                        + "field \"Direction\" with the values In and Out to Activities (Administration > Fields and "
                        + "pick-lists) and fill it."), Optional.empty());
    }
}
