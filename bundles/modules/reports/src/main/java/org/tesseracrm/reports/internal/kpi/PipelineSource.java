package org.tesseracrm.reports.internal.kpi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.Aggregate;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.Filter;
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
 * Sales analytics (R-ANA-2): the pipeline by phase, in the admin's phase order, with the opportunities' amount and
 * expected amount (amount x the phase's win probability, which the Opportunities module keeps on every save).
 */
@Component(service = ReportSource.class)
public class PipelineSource extends KpiSource {
    static final String TYPE = "opportunity";
    private static final List<Grouping> GROUPS = List.of(Grouping.by("phase"));

    /**
     * @param types the installed record types
     * @param fields the types' fields
     */
    @Activate
    public PipelineSource(@Reference RecordTypes types, @Reference CustomFields fields) {
        super(types, fields);
    }

    @Override
    public String id() {
        return "sales.pipeline";
    }

    @Override
    public String title() {
        return "Pipeline by phase";
    }

    @Override
    public String description() {
        return "Opportunities per phase in the phases' order: how many, their amount and their expected amount "
                + "(amount x the phase's win probability / 100). With a period: opportunities whose close date falls in "
                + "it; without one: all of them. Amounts are summed as entered, whatever their currency.";
    }

    @Override
    public ChartKind chart() {
        return ChartKind.FUNNEL;
    }

    @Override
    boolean periodByDefault() {
        return false;
    }

    @Override
    ReportResult compute(ReportContext context, Period period, String title) {
        List<AggregateRow> rows = context.records().aggregate(TYPE, query(filters(context)), GROUPS,
                List.of(Measure.count(), Measure.of(Aggregate.SUM, "amount"), Measure.of(Aggregate.SUM, "expectedAmount")));
        return new ReportResult(title, List.of("Phase"), List.of("Opportunities", "Amount", "Expected amount"), rows,
                Optional.empty(), Optional.of(TYPE));
    }

    private List<Filter> filters(ReportContext context) {
        Map<String, FieldDefinition> fields = require(TYPE, "Opportunities", "crm-opportunities");
        return context.period().map(p -> List.of(in(fields.get("closeDate"), p, context))).orElse(List.of());
    }

    @Override
    public Optional<Drill> drill(ReportContext context, List<Optional<String>> rowKeys) {
        return drillRow(context, TYPE, () -> filters(context), GROUPS, rowKeys);
    }
}
