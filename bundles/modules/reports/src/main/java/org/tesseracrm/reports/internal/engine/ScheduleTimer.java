package org.tesseracrm.reports.internal.engine;

import java.io.ByteArrayOutputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.email.api.OutgoingMail;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.UserInfo;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.TimerHandler;
import org.tesseracrm.kernel.api.timer.Timers;
import org.tesseracrm.reports.api.Frequency;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.Report;
import org.tesseracrm.reports.api.ReportInfo;
import org.tesseracrm.reports.api.Reports;
import org.tesseracrm.reports.api.Schedule;
import org.tesseracrm.reports.internal.store.ReportStore;

/**
 * Mails scheduled reports on the kernel's durable timers ({@value ReportsImpl#SCHEDULE_HANDLER}, key
 * {@code report:<id>}, payload the owner's time zone). Each recipient gets the report exported as themselves (so
 * their own permissions and visibility apply; a recipient who may no longer see it gets nothing, logged) for the
 * period that just ended when the report has a period field, queued in the e-mail outbox as the report's owner.
 * Without the e-mail module nothing is sent and the run is logged. Then the timer is scheduled for the next run.
 * Bounded: at most {@link Schedule#MAX_RECIPIENTS} mails of at most {@code Records.MAX_AGGREGATE_ROWS} rows each.
 */
@Component(service = TimerHandler.class, immediate = true, property = TimerHandler.NAME + "="
        + ReportsImpl.SCHEDULE_HANDLER)
public class ScheduleTimer implements TimerHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleTimer.class);

    private final Reports reports;
    private final CallerContext callers;
    private final TransactionScope scope;
    private final SecurityAdmin security;
    private final Timers timers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Mailer mailer;

    /**
     * @param reports exports the report as each recipient
     * @param callers runs as the recipient, the owner or the system
     * @param scope reads the schedule
     * @param security the recipients' addresses
     * @param timers the next run
     */
    @Activate
    public ScheduleTimer(@Reference Reports reports, @Reference CallerContext callers,
            @Reference TransactionScope scope, @Reference SecurityAdmin security, @Reference Timers timers) {
        this.reports = reports;
        this.callers = callers;
        this.scope = scope;
        this.security = security;
        this.timers = timers;
    }

    @Override
    public void fire(DueTimer timer) {
        long id;
        try {
            id = Long.parseLong(timer.key().substring(ReportInfo.REPORT_PREFIX.length()));
        } catch (RuntimeException e) {
            LOG.warn("Report schedule timer with key {} names no report; dropped", timer.key());
            return;
        }
        Optional<Report> report = scope.required(c -> ReportStore.get(c, id));
        Optional<Schedule> schedule = scope.required(c -> ReportStore.schedule(c, id));
        if (report.isEmpty() || schedule.isEmpty() || schedule.get().frequency() == Frequency.NONE) {
            return; // deleted or unscheduled meanwhile
        }
        ZoneId zone = zone(timer.payload());
        LocalDate today = timer.dueAt().atZone(zone).toLocalDate();
        Optional<Period> period = report.get().spec().periodField().isPresent()
                ? Schedules.previous(schedule.get().frequency(), today) : Optional.empty();
        Map<String, String> addresses = callers.callAs(Caller.SYSTEM, () -> security.users().stream()
                .filter(UserInfo::active).filter(u -> u.email() != null && !u.email().isBlank())
                .collect(java.util.stream.Collectors.toMap(UserInfo::username, UserInfo::email, (a, b) -> a)));
        int sent = 0;
        for (String recipient : schedule.get().recipients()) {
            if (send(report.get(), schedule.get(), period, recipient, addresses.get(recipient))) {
                sent++;
            }
        }
        LOG.info("Scheduled report {} ({}): {} of {} mails queued", id, report.get().name(), sent,
                schedule.get().recipients().size());
        Instant next = Schedules.next(schedule.get().frequency(), Instant.now(), zone);
        Schedule again = new Schedule(id, schedule.get().frequency(), schedule.get().format(),
                schedule.get().recipients(), Optional.of(next));
        scope.required(c -> {
            ReportStore.putSchedule(c, again);
            return null;
        });
        timers.schedule(ReportsImpl.SCHEDULE_HANDLER, timer.key(), next, zone.getId());
    }

    private boolean send(Report report, Schedule schedule, Optional<Period> period, String recipient,
            String address) {
        Mailer outbox = mailer;
        if (address == null) {
            LOG.warn("Scheduled report {}: {} is no active user with an e-mail address; not sent", report.id(),
                    recipient);
            return false;
        }
        if (outbox == null) {
            LOG.warn("Scheduled report {}: the e-mail module is not installed; nothing sent to {}", report.id(),
                    recipient);
            return false;
        }
        try {
            byte[] file = callers.callAs(new Caller(recipient), () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                reports.export(report.key(), schedule.format(), period, out);
                return out.toByteArray();
            });
            String when = period.map(p -> " for " + p.from() + " to " + p.to()).orElse("");
            String subject = "Report: " + report.name() + when;
            String text = "The report " + report.name() + when + " is attached, computed with what you may see.\n"
                    + "Sent by Tessera CRM on the schedule " + report.owner() + " set up.";
            String fileName = ReportFiles.fileName(report.name(), schedule.format());
            OutgoingMail mail = OutgoingMail.to(List.of(address), subject).withBody(null, text)
                    .withAttachments(List.of(new MailAttachment(fileName, schedule.format().mediaType(), file)))
                    .withHeaders(Map.of(), ReportInfo.REPORT_PREFIX + report.id());
            callers.callAs(new Caller(report.owner()), () -> outbox.queue(mail));
            return true;
        } catch (CrmException e) {
            LOG.warn("Scheduled report {} not sent to {}: {}", report.id(), recipient, e.getMessage());
            return false;
        }
    }

    private static ZoneId zone(String payload) {
        try {
            return payload == null || payload.isBlank() ? ZoneOffset.UTC : ZoneId.of(payload);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
