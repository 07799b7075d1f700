package org.tesseracrm.reports.internal.kpi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.Measure;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportContext;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.api.ReportSource;
import org.tesseracrm.reports.internal.kpi.OpportunityOutcomes.Kinds;

/** Upsell, cross-sell and renewal rates (seed 001, R-ANA-3), by the opportunities' Type. */
@Component(service = ReportSource.class)
public class ExpansionSource extends KpiSource {
    private static final List<Grouping> BY_TYPE = List.of(Grouping.by(Deals.DEAL_TYPE));

    /**
     * @param types the installed record types
     * @param fields the types' fields
     */
    @Activate
    public ExpansionSource(@Reference RecordTypes types, @Reference CustomFields fields) {
        super(types, fields);
    }

    @Override
    public String id() {
        return "kpi.upsell-cross-sell-renewal";
    }

    @Override
    public String title() {
        return "Upsell, cross-sell and renewal rates";
    }

    @Override
    public String description() {
        return "Per opportunity Type (New business, Upsell, Cross-sell, Renewal), of the deals closed in the period (won "
                + "or lost phase, close date in the period): share of won deals = won of the type / all won x 100; win "
                + "rate = won / (won + lost) x 100; won amount. One decimal for rates.";
    }

    @Override
    public ChartKind chart() {
        return ChartKind.BAR;
    }

    @Override
    ReportResult compute(ReportContext context, Period period, String title) {
        Map<String, FieldDefinition> fields = Deals.require(this);
        if (!Deals.typed(fields)) {
            throw new MissingData("Upsell, cross-sell and renewal rates need the deal's type: " + Deals.ADD_TYPE + ".");
        }
        Records records = context.records();
        return OpportunityOutcomes.with(getClass(), outcomes -> {
            Kinds kinds = outcomes.kinds();
            Map<Optional<String>, AggregateRow> won = new LinkedHashMap<>();
            records.aggregate(Deals.TYPE, query(Deals.closed(fields, period, context, Deals.inPhases(kinds.won(),
                    "Won"))), BY_TYPE, List.of(Measure.count(), Measure.of(Aggregate.SUM, "amount")))
                    .forEach(row -> won.put(row.keys().get(0), row));
            Map<Optional<String>, Long> lost = new HashMap<>();
            if (!kinds.lost().isEmpty()) {
                records.aggregate(Deals.TYPE, query(Deals.closed(fields, period, context, Deals.inPhases(kinds.lost(),
                        "Lost"))), BY_TYPE, List.of(Measure.count()))
                        .forEach(row -> lost.put(row.keys().get(0), row.value(0).longValueExact()));
            }
            long allWon = won.values().stream().mapToLong(r -> r.value(0).longValueExact()).sum();
            List<AggregateRow> rows = new ArrayList<>();
            won.forEach((type, row) -> {
                long count = row.value(0).longValueExact();
                rows.add(new AggregateRow(row.keys(), row.labels(), numbers(KpiFormulas.percent(count, allWon),
                        KpiFormulas.winRate(count, lost.getOrDefault(type, 0L)), count,
                        lost.getOrDefault(type, 0L), row.value(1))));
            });
            lost.forEach((type, count) -> {
                if (!won.containsKey(type)) {
                    rows.add(new AggregateRow(List.of(type), List.of(type.orElse(AggregateRow.NONE)),
                            numbers(KpiFormulas.percent(0, allWon), KpiFormulas.winRate(0, count), 0L, count,
                                    BigDecimal.ZERO)));
                }
            });
            return new ReportResult(title, List.of("Type"), List.of("Share of won deals %", "Win rate %", "Won", "Lost",
                    "Won amount"), rows, Optional.empty(), Optional.empty());
        });
    }
}
