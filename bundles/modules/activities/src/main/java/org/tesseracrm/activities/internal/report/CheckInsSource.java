package org.tesseracrm.activities.internal.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.tesseracrm.activities.internal.ActivitiesModule;
import org.tesseracrm.activities.internal.service.ActivityService;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportContext;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.api.ReportSource;

/**
 * The ready-made report "Check-ins per user" (seed 000, R-ANA-2), contributed to the Reports module when it is
 * installed: check-ins in person and video check-ins (which count as check-ins) per user in the period. It reads
 * through {@link ActivityService#checkInsPerUser}, which checks {@code activities.view} and counts only check-ins on
 * records the caller sees. Registered by {@link ReportRegistration} only when the optional import of the reports API
 * is wired.
 */
public final class CheckInsSource implements ReportSource {
    private final ActivityService activities;

    /** @param activities the module's service, which checks the caller */
    public CheckInsSource(ActivityService activities) {
        this.activities = activities;
    }

    /**
     * @param context the module's bundle context
     * @param activities the module's service
     * @return the registration of the report
     */
    static ServiceRegistration<?> register(BundleContext context, ActivityService activities) {
        return context.registerService(ReportSource.class, new CheckInsSource(activities), null);
    }

    @Override
    public String id() {
        return "activities.checkins-per-user";
    }

    @Override
    public String title() {
        return "Check-ins per user";
    }

    @Override
    public String description() {
        return "Check-ins made in the period (both days included; the year to date without a period), per user who "
                + "checked in: visits in person (Check in here) and video check-ins joined through the CRM, which "
                + "count as check-ins. Only check-ins on records you see.";
    }

    @Override
    public Optional<String> permission() {
        return Optional.of(ActivitiesModule.VIEW);
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
        List<String> groups = List.of("User");
        List<String> measures = List.of("Check-ins", "of them in person", "of them video check-ins");
        try {
            List<AggregateRow> rows = activities.checkInsPerUser(period.from(), period.to(), context.zone()).stream()
                    .map(r -> new AggregateRow(List.of(Optional.of(r.username())), List.of(r.username()),
                            List.of(BigDecimal.valueOf(r.total()), BigDecimal.valueOf(r.physical()),
                                    BigDecimal.valueOf(r.video()))))
                    .toList();
            return new ReportResult(title, groups, measures, rows, Optional.empty(), Optional.empty());
        } catch (PermissionDeniedException e) {
            return new ReportResult(title, groups, measures, List.of(), Optional.of("You may not see activities ("
                    + e.getMessage() + "). Ask an administrator for activities.view."), Optional.empty());
        }
    }
}
