package org.tesseracrm.reports.internal.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.Measure;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSlice;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportContext;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.api.ReportSource;
import org.tesseracrm.reports.internal.kpi.KpiFormulas.ClvFigures;
import org.tesseracrm.reports.internal.kpi.KpiFormulas.CustomerSpan;

/** Customer lifetime value (seed 001, R-ANA-3): customer value x average customer lifetime. */
@Component(service = ReportSource.class)
public class ClvSource extends KpiSource {
    /** The most customers whose span is read for the average lifetime. */
    static final int MOST_CUSTOMERS = 100_000;

    /**
     * @param types the installed record types
     * @param fields the types' fields
     */
    @Activate
    public ClvSource(@Reference RecordTypes types, @Reference CustomFields fields) {
        super(types, fields);
    }

    @Override
    public String id() {
        return "kpi.clv";
    }

    @Override
    public String title() {
        return "Customer lifetime value (CLV)";
    }

    @Override
    public String description() {
        return "CLV = customer value x average customer lifetime (seed 001). Customer value = amount of the "
                + "opportunities won in the period (won phase, close date in the period) / the companies they were won "
                + "from x 365.25 / days of the period: revenue per customer per year. Average lifetime = the average, "
                + "over the companies with \"Customer since\", of the years from that day to \"Customer lost on\" (today "
                + "for a current customer). Amounts are summed as entered, whatever their currency; deals without a "
                + "company are left out.";
    }

    @Override
    ReportResult compute(ReportContext context, Period period, String title) {
        Map<String, FieldDefinition> deals = Deals.require(this);
        Customers.require(this, "The customer lifetime value");
        Records records = context.records();
        return OpportunityOutcomes.with(getClass(), outcomes -> {
            Filter won = Deals.inPhases(outcomes.kinds().won(), "Won");
            BigDecimal revenue = BigDecimal.ZERO;
            long customers = 0;
            for (AggregateRow row : records.aggregate(Deals.TYPE, query(Deals.closed(deals, period, context, won)),
                    List.of(Grouping.by("company")), List.of(Measure.of(Aggregate.SUM, "amount")))) {
                if (row.keys().get(0).isPresent()) {
                    revenue = revenue.add(row.value(0));
                    customers++;
                }
            }
            LocalDate today = LocalDate.now(context.zone());
            List<CustomerSpan> spans = spans(records);
            long days = ChronoUnit.DAYS.between(period.from(), period.to()) + 1;
            ClvFigures clv = KpiFormulas.clv(revenue, customers, days, spans, today);
            Optional<String> notice = customers == 0 ? Optional.of("No opportunity of a company was won in this "
                    + "period: no customer value.") : spans.isEmpty() ? Optional.of("No company has \"Customer since\" "
                    + "filled: no lifetime.") : spans.size() >= MOST_CUSTOMERS ? Optional.of("The lifetime is the "
                    + "average of the first " + MOST_CUSTOMERS + " customers.") : Optional.empty();
            return figures(title, List.of("CLV", "Value per customer and year", "Average lifetime (years)",
                    "Won revenue", "Customers won from"), numbers(clv.clv(), clv.valuePerYear(), clv.lifetimeYears(),
                    revenue, customers), notice, Optional.empty());
        });
    }

    private static List<CustomerSpan> spans(Records records) {
        List<CustomerSpan> spans = new ArrayList<>();
        RecordQuery query = new RecordQuery(0, RecordQuery.MAX_LIMIT, List.of(), Optional.empty(),
                List.of(new Filter(Customers.SINCE, FilterOp.NOT_EMPTY, List.of())));
        Optional<String> cursor = Optional.empty();
        do {
            RecordSlice slice = records.slice(Customers.TYPE, query, cursor);
            for (RecordRow row : slice.rows()) {
                Object since = row.values().get(Customers.SINCE);
                Object lost = row.values().get(Customers.LOST_ON);
                if (since instanceof LocalDate day) {
                    spans.add(new CustomerSpan(day, lost instanceof LocalDate l ? Optional.of(l) : Optional.empty()));
                }
            }
            cursor = slice.next();
        } while (cursor.isPresent() && spans.size() < MOST_CUSTOMERS);
        return spans;
    }
}
