package org.tesseracrm.reports.internal.kpi;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportContext;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.api.ReportSource;
import org.tesseracrm.reports.internal.kpi.OpportunityOutcomes.Entry;
import org.tesseracrm.reports.internal.kpi.OpportunityOutcomes.Kinds;

/** Sales analytics (R-ANA-2): win rate and sales cycle time from the opportunities' phase history. */
@Component(service = ReportSource.class)
public class WinRateSource extends KpiSource {
    /** The most won deals whose history is read for the cycle time. */
    static final int MOST_CYCLES = 500;

    /**
     * @param types the installed record types
     * @param fields the types' fields
     */
    @Activate
    public WinRateSource(@Reference RecordTypes types, @Reference CustomFields fields) {
        super(types, fields);
    }

    @Override
    public String id() {
        return "sales.win-rate";
    }

    @Override
    public String title() {
        return "Win rate and sales cycle";
    }

    @Override
    public String description() {
        return "Of the opportunities whose close date falls in the period and that are in a won or lost phase: win rate "
                + "= won / (won + lost) x 100, one decimal (open ones are left out). Cycle time of a won deal = from "
                + "its creation (first entry of its phase history) to its first entry into a won phase; average and "
                + "median in days (of at most " + MOST_CYCLES + " deals).";
    }

    @Override
    ReportResult compute(ReportContext context, Period period, String title) {
        Map<String, FieldDefinition> fields = Deals.require(this);
        return OpportunityOutcomes.with(getClass(), outcomes -> {
            Kinds kinds = outcomes.kinds();
            Records records = context.records();
            RecordQuery won = query(Deals.closed(fields, period, context, Deals.inPhases(kinds.won(), "Won")));
            long wonCount = records.count(Deals.TYPE, won, COUNT_BOUND);
            long lostCount = kinds.lost().isEmpty() ? 0 : records.count(Deals.TYPE,
                    query(Deals.closed(fields, period, context, Deals.inPhases(kinds.lost(), "Lost"))), COUNT_BOUND);
            List<Duration> cycles = new ArrayList<>();
            for (RecordRow deal : records.page(Deals.TYPE, won.withPage(0, MOST_CYCLES))) {
                cycle(outcomes.history(deal.id()), kinds).ifPresent(cycles::add);
            }
            return figures(title, List.of("Win rate %", "Won", "Lost", "Average cycle (days)", "Median cycle (days)"),
                    numbers(KpiFormulas.winRate(wonCount, lostCount), wonCount, lostCount,
                            KpiFormulas.averageDays(cycles), KpiFormulas.medianDays(cycles)),
                    wonCount > MOST_CYCLES ? Optional.of("The cycle time is of the first " + MOST_CYCLES + " won deals "
                            + "of the period; choose a shorter period for all of them.") : Optional.empty(),
                    Optional.empty());
        });
    }

    /**
     * @param history a deal's phase history, oldest first
     * @param kinds the won phases
     * @return from its first entry to its first entry into a won phase; empty if it never entered one
     */
    static Optional<Duration> cycle(List<Entry> history, Kinds kinds) {
        if (history.isEmpty()) {
            return Optional.empty();
        }
        return history.stream().filter(e -> kinds.won().contains(e.to())).findFirst()
                .map(e -> Duration.between(history.get(0).at(), e.at()));
    }
}
