package org.tesseracrm.reports.internal.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.Measure;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.Drill;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportContext;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.api.ReportSource;

/**
 * Sales analytics (seed 000, R-ANA-2): done activities and check-ins per user in the period. A video check-in (a
 * meeting of kind {@code video-checkin}, done once joined) counts as a check-in, as a visit in person would; a video
 * call ({@code video-call}) counts as an activity, like calls, meetings and tasks.
 */
@Component(service = ReportSource.class)
public class ActivitiesPerUserSource extends KpiSource {
    static final String TYPE = "activity";
    static final String VIDEO_CHECK_IN = "video-checkin";
    static final String VIDEO_CALL = "video-call";

    /**
     * @param types the installed record types
     * @param fields the types' fields
     */
    @Activate
    public ActivitiesPerUserSource(@Reference RecordTypes types, @Reference CustomFields fields) {
        super(types, fields);
    }

    @Override
    public String id() {
        return "sales.activities-per-user";
    }

    @Override
    public String title() {
        return "Activities and check-ins per user";
    }

    @Override
    public String description() {
        return "Done activities per owner whose due / start time falls in the period. Check-ins: video check-ins "
                + "(joined through the CRM), which count as visits; activities: calls, meetings, tasks and video calls "
                + "(a video call counts as an activity, not a check-in).";
    }

    @Override
    public ChartKind chart() {
        return ChartKind.STACKED_BAR;
    }

    @Override
    ReportResult compute(ReportContext context, Period period, String title) {
        List<Filter> filters = filters(context, period);
        List<AggregateRow> rows = context.records().aggregate(TYPE, query(filters),
                List.of(Grouping.by("owner"), Grouping.by("kind")), List.of(Measure.count()));
        Map<Optional<String>, long[]> byOwner = new LinkedHashMap<>();
        Map<Optional<String>, String> labels = new LinkedHashMap<>();
        for (AggregateRow row : rows) {
            Optional<String> owner = row.keys().get(0);
            labels.putIfAbsent(owner, row.labels().get(0));
            long[] counts = byOwner.computeIfAbsent(owner, o -> new long[3]);
            Tally.add(counts, row.keys().get(1).orElse(""), row.value(0).longValueExact());
        }
        List<AggregateRow> result = new ArrayList<>();
        byOwner.forEach((owner, counts) -> result.add(new AggregateRow(List.of(owner), List.of(labels.get(owner)),
                List.of(BigDecimal.valueOf(counts[0]), BigDecimal.valueOf(counts[1]), BigDecimal.valueOf(counts[2])))));
        return new ReportResult(title, List.of("User"), List.of("Check-ins (video check-ins)", "Activities",
                "of them video calls"), result, Optional.of("Video check-ins are counted here; check-ins made on site "
                        + "(Check in here) are counted with them in the Activities module's report Check-ins per "
                        + "user."), Optional.of(TYPE));
    }

    private List<Filter> filters(ReportContext context, Period period) {
        Map<String, FieldDefinition> fields = require(TYPE, "Activities", "crm-activities");
        return List.of(Filter.of("done", FilterOp.EQUALS, "true"), in(fields.get("dueAt"), period, context));
    }

    @Override
    public Optional<Drill> drill(ReportContext context, List<Optional<String>> rowKeys) {
        return drillRow(context, TYPE, () -> filters(context, period(context)), List.of(Grouping.by("owner")), rowKeys);
    }

    /** Folds activity kinds into check-ins and activities. */
    static final class Tally {
        private Tally() {
        }

        /**
         * @param counts check-ins, activities, video calls
         * @param kind an activity kind
         * @param count how many done activities of that kind
         */
        static void add(long[] counts, String kind, long count) {
            if (VIDEO_CHECK_IN.equals(kind)) {
                counts[0] += count;
            } else {
                counts[1] += count;
                if (VIDEO_CALL.equals(kind)) {
                    counts[2] += count;
                }
            }
        }
    }
}
