package org.tesseracrm.reports.internal.kpi;

import java.util.ArrayList;
import java.util.HashMap;
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

/** Acquisition rate by channel (seed 001, R-ANA-3): of the leads created in the period, the share converted. */
@Component(service = ReportSource.class)
public class AcquisitionSource extends KpiSource {
    static final String TYPE = "lead";
    static final String CONVERTED = "Converted";
    private static final List<Grouping> GROUPS = List.of(Grouping.by("source"));

    /**
     * @param types the installed record types
     * @param fields the types' fields
     */
    @Activate
    public AcquisitionSource(@Reference RecordTypes types, @Reference CustomFields fields) {
        super(types, fields);
    }

    @Override
    public String id() {
        return "kpi.acquisition";
    }

    @Override
    public String title() {
        return "Acquisition rate by channel";
    }

    @Override
    public String description() {
        return "Per lead source (the channel: web, referral, event, cold call, ...): acquisition rate = leads created in "
                + "the period that were converted (status Converted) / leads created in the period x 100, one decimal.";
    }

    @Override
    public ChartKind chart() {
        return ChartKind.BAR;
    }

    @Override
    ReportResult compute(ReportContext context, Period period, String title) {
        List<Filter> filters = filters(context, period);
        List<Measure> count = List.of(Measure.count());
        List<AggregateRow> created = context.records().aggregate(TYPE, query(filters), GROUPS, count);
        List<Filter> converted = new ArrayList<>(filters);
        converted.add(Filter.of("status", FilterOp.IN, CONVERTED));
        Map<Optional<String>, Long> convertedBySource = new HashMap<>();
        context.records().aggregate(TYPE, query(converted), GROUPS, count)
                .forEach(row -> convertedBySource.put(row.keys().get(0), row.value(0).longValueExact()));
        List<AggregateRow> rows = new ArrayList<>();
        for (AggregateRow row : created) {
            long leads = row.value(0).longValueExact();
            long won = convertedBySource.getOrDefault(row.keys().get(0), 0L);
            rows.add(new AggregateRow(row.keys(), row.labels(), numbers(KpiFormulas.percent(won, leads), leads, won)));
        }
        return new ReportResult(title, List.of("Lead source"), List.of("Acquisition rate %", "Leads", "Converted"),
                rows, Optional.empty(), Optional.of(TYPE));
    }

    private List<Filter> filters(ReportContext context, Period period) {
        Map<String, FieldDefinition> fields = require(TYPE, "Leads", "crm-leads");
        return List.of(in(fields.get("createdAt"), period, context));
    }

    @Override
    public Optional<Drill> drill(ReportContext context, List<Optional<String>> rowKeys) {
        return drillRow(context, TYPE, () -> filters(context, period(context)), GROUPS, rowKeys);
    }
}
