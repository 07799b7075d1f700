package org.tesseracrm.reports.internal.kpi;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportContext;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.api.ReportSource;
import org.tesseracrm.reports.internal.kpi.KpiFormulas.ChurnFigures;

/** Churn rate of the period: customers lost in it / customers at its start (seed 001, R-ANA-3). */
@Component(service = ReportSource.class)
public class ChurnSource extends KpiSource {
    /**
     * @param types the installed record types
     * @param fields the types' fields
     */
    @Activate
    public ChurnSource(@Reference RecordTypes types, @Reference CustomFields fields) {
        super(types, fields);
    }

    @Override
    public String id() {
        return "kpi.churn";
    }

    @Override
    public String title() {
        return "Churn rate";
    }

    @Override
    public String description() {
        return "Churn rate = customers lost in the period / customers at its start x 100, one decimal. A customer is a "
                + "company with \"Customer since\"; it is lost on its \"Customer lost on\" day. Customers at the start: "
                + "customer since before the period's first day and not lost before it. Customers gained during the "
                + "period are in neither part (shown apart), so the rate stays between 0 and 100.";
    }

    @Override
    ReportResult compute(ReportContext context, Period period, String title) {
        Customers.require(this, "The churn rate");
        Records records = context.records();
        LocalDate dayBefore = period.from().minusDays(1);
        Filter sinceBefore = upTo(Customers.SINCE, dayBefore);
        Filter lostInPeriod = between(Customers.LOST_ON, period);
        Filter sinceInPeriod = between(Customers.SINCE, period);
        ChurnFigures churn = KpiFormulas.churn(
                count(records, Customers.TYPE, sinceBefore),
                count(records, Customers.TYPE, sinceBefore, upTo(Customers.LOST_ON, dayBefore)),
                count(records, Customers.TYPE, sinceBefore, lostInPeriod),
                count(records, Customers.TYPE, sinceInPeriod),
                count(records, Customers.TYPE, sinceInPeriod, lostInPeriod));
        return figures(title, List.of("Churn rate %", "Customers at start", "Lost in the period",
                "Gained in the period (not in the rate)", "Gained and lost in the period"),
                numbers(churn.rate(), churn.atStart(), churn.lost(), churn.gained(), churn.gainedAndLost()),
                churn.atStart() == 0 ? Optional.of("No customer at the start of this period: fill \"Customer since\" "
                        + "on the companies that are customers.") : Optional.empty(), Optional.empty());
    }

    private static Filter between(String field, Period period) {
        return new Filter(field, FilterOp.BETWEEN, List.of(period.from().toString(), period.to().toString()));
    }
}
