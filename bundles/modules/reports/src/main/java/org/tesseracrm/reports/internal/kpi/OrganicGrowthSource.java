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
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportContext;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.api.ReportSource;

/** Organic growth (seed 001, R-ANA-3): sales through referrals, repeat customers and renewals. */
@Component(service = ReportSource.class)
public class OrganicGrowthSource extends KpiSource {
    static final String REFERRAL = "Referral";

    /**
     * @param types the installed record types
     * @param fields the types' fields
     */
    @Activate
    public OrganicGrowthSource(@Reference RecordTypes types, @Reference CustomFields fields) {
        super(types, fields);
    }

    @Override
    public String id() {
        return "kpi.organic-growth";
    }

    @Override
    public String title() {
        return "Organic growth";
    }

    @Override
    public String description() {
        return "Of the opportunities won in the period (won phase, close date in the period): referral share = won deals "
                + "with lead source Referral / won deals x 100; repeat customers = companies with a deal won in the "
                + "period that have won deals at least twice up to the period's end / companies with a deal won in the "
                + "period x 100; renewal share = won deals of Type Renewal / won deals x 100. One decimal each.";
    }

    @Override
    ReportResult compute(ReportContext context, Period period, String title) {
        Map<String, FieldDefinition> fields = Deals.require(this);
        Records records = context.records();
        return OpportunityOutcomes.with(getClass(), outcomes -> {
            Filter won = Deals.inPhases(outcomes.kinds().won(), "Won");
            List<Filter> wonInPeriod = Deals.closed(fields, period, context, won);
            long wonDeals = records.count(Deals.TYPE, query(wonInPeriod), COUNT_BOUND);
            List<Filter> referrals = new ArrayList<>(wonInPeriod);
            referrals.add(Filter.of("leadSource", FilterOp.IN, REFERRAL));
            long referred = records.count(Deals.TYPE, query(referrals), COUNT_BOUND);
            Map<Long, Long> untilEnd = byCompany(records, List.of(won, upTo(Deals.CLOSE_DATE, period.to())));
            Map<Long, Long> purchases = new HashMap<>();
            byCompany(records, wonInPeriod).keySet().forEach(c -> purchases.put(c, untilEnd.getOrDefault(c, 1L)));
            Optional<java.math.BigDecimal> renewalShare = Optional.empty();
            Optional<String> notice = Optional.empty();
            if (Deals.typed(fields)) {
                List<Filter> renewals = new ArrayList<>(wonInPeriod);
                renewals.add(Filter.of(Deals.DEAL_TYPE, FilterOp.IN, Deals.RENEWAL));
                renewalShare = KpiFormulas.percent(records.count(Deals.TYPE, query(renewals), COUNT_BOUND), wonDeals);
            } else {
                notice = Optional.of("Renewals are not told apart: " + Deals.ADD_TYPE + ".");
            }
            return figures(title, List.of("Referral share %", "Repeat customers %", "Renewal share %", "Won deals",
                    "Companies buying"), numbers(KpiFormulas.percent(referred, wonDeals),
                    KpiFormulas.repeatShare(purchases), renewalShare, wonDeals, purchases.size()), notice,
                    Optional.empty());
        });
    }

    private static Map<Long, Long> byCompany(Records records, List<Filter> filters) {
        Map<Long, Long> counts = new HashMap<>();
        for (AggregateRow row : records.aggregate(Deals.TYPE, query(filters), List.of(Grouping.by("company")),
                List.of(Measure.count()))) {
            row.keys().get(0).ifPresent(id -> counts.put(Long.parseLong(id), row.value(0).longValueExact()));
        }
        return counts;
    }
}
