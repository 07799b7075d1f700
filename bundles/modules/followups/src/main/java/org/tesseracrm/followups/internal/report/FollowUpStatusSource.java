package org.tesseracrm.followups.internal.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.tesseracrm.followups.internal.FollowUpsModule;
import org.tesseracrm.followups.internal.service.FollowUpService;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportContext;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.api.ReportSource;

/**
 * The ready-made report "Follow-up status per agent and branch" (R-ACT-6, R-ANA-2), contributed to the Reports
 * module when it is installed. It reads through {@link FollowUpService#newestDueIn}, which checks
 * {@code followups.view} and limits the follow-ups to the owners whose records the caller sees, as the unattended
 * report does. Registered by {@link ReportRegistration} only when the optional import of the reports API is wired.
 */
public final class FollowUpStatusSource implements ReportSource {
    private final FollowUpService followUps;

    /** @param followUps the module's service, which checks the caller */
    public FollowUpStatusSource(FollowUpService followUps) {
        this.followUps = followUps;
    }

    /**
     * @param context the module's bundle context
     * @param followUps the module's service
     * @return the registration of the report
     */
    static ServiceRegistration<?> register(BundleContext context, FollowUpService followUps) {
        return context.registerService(ReportSource.class, new FollowUpStatusSource(followUps), null);
    }

    @Override
    public String id() {
        return "followups.status-per-agent";
    }

    @Override
    public String title() {
        return "Follow-up status per agent and branch";
    }

    @Override
    public String description() {
        return "Follow-up chains (one per operation) whose newest follow-up is due in the period (by its due date, "
                + "both days included; the year to date without a period), per agent (who planned it) and the "
                + "agent's branch, by their status now: in progress (open and not yet due, or its result recorded "
                + "without concluding), concluded (its result recorded as concluding, also when late) and overdue "
                + "(open and past due). Only the follow-ups of the agents whose records you see.";
    }

    @Override
    public Optional<String> permission() {
        return Optional.of(FollowUpsModule.VIEW);
    }

    @Override
    public ChartKind chart() {
        return ChartKind.STACKED_BAR;
    }

    @Override
    public ReportResult run(ReportContext context) {
        Period period = context.period().orElseGet(() -> {
            LocalDate today = LocalDate.now(context.zone());
            return new Period(today.withDayOfYear(1), today);
        });
        String title = title() + ", " + period.from() + " – " + period.to();
        List<String> groups = List.of("Agent", "Branch");
        List<String> measures = List.of("In progress", "Concluded", "Overdue");
        try {
            List<AggregateRow> rows = StatusTally.tally(followUps.newestDueIn(period.from(), period.to(),
                    context.zone()), followUps.agents(), period.from(), period.to(), context.zone(),
                    FollowUpService.now()).stream()
                    .map(r -> new AggregateRow(List.of(Optional.of(r.agent()), Optional.of(r.branch())),
                            List.of(r.agent(), r.branch().isEmpty() ? AggregateRow.NONE : r.branch()),
                            List.of(BigDecimal.valueOf(r.inProgress()), BigDecimal.valueOf(r.concluded()),
                                    BigDecimal.valueOf(r.overdue()))))
                    .toList();
            return new ReportResult(title, groups, measures, rows, Optional.empty(), Optional.empty());
        } catch (PermissionDeniedException e) {
            return new ReportResult(title, groups, measures, List.of(), Optional.of("You may not see follow-ups ("
                    + e.getMessage() + "). Ask an administrator for followups.view."), Optional.empty());
        }
    }
}
