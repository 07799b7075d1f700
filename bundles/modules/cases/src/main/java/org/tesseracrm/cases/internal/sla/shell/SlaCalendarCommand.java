package org.tesseracrm.cases.internal.sla.shell;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.cases.internal.sla.BusinessCalendar;
import org.tesseracrm.cases.internal.sla.SlaCalendar;
import org.tesseracrm.cases.internal.sla.SlaService;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/**
 * {@code crm:case-sla-calendar}: lists the business calendars; with a name and options, creates or changes one
 * ({@code cases.configure}), e.g. {@code crm:case-sla-calendar Madrid --zone Europe/Madrid --hours
 * "mon-fri=09:00-14:00,15:00-18:00" --holiday 2026-12-08}.
 */
@Service
@Command(scope = "crm", name = "case-sla-calendar", description = "Lists the SLA business calendars, or saves one")
public class SlaCalendarCommand implements Action {
    @Reference
    private SlaService sla;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "name", required = false, description = "the calendar's name (Default for the default)")
    private String name;

    @Option(name = "--zone", description = "time zone, e.g. Europe/Madrid")
    private String zone;

    @Option(name = "--hours", multiValued = true,
            description = "days=hours, e.g. mon-fri=09:00-17:00 or sat=22:00-06:00 (overnight) or sun= (closed)")
    private List<String> hours;

    @Option(name = "--holiday", multiValued = true, description = "a holiday, yyyy-mm-dd[=name]")
    private List<String> holidays;

    @Option(name = "--at-risk", description = "percent of the SLA after which a case is at risk (1-99)")
    private Integer atRisk;

    @Option(name = "--delete", description = "delete the calendar")
    private boolean delete;

    @Override
    public Object execute() {
        callers.callAs(ShellCaller.current(), () -> {
            if (name == null) {
                sla.calendars().forEach(c -> System.out.println(SlaShell.describe(c)));
                sla.recomputes().forEach(p -> System.out.println("Due times still being worked out again: "
                        + p.scope() + " (" + p.done() + " cases done, after case " + p.afterId() + ")"));
                return null;
            }
            Optional<SlaCalendar> old = sla.calendars().stream().filter(c -> c.name().equalsIgnoreCase(name))
                    .findFirst();
            if (delete) {
                sla.deleteCalendar(old.orElseThrow(() -> invalid("name", "There is no calendar " + name)).id());
                System.out.println("Deleted " + name);
                return null;
            }
            System.out.println(SlaShell.describe(sla.saveCalendar(build(old))));
            return null;
        });
        return null;
    }

    private SlaCalendar build(Optional<SlaCalendar> old) {
        try {
            BusinessCalendar base = old.map(SlaCalendar::calendar).orElse(null);
            Map<DayOfWeek, List<BusinessCalendar.Span>> week = new EnumMap<>(DayOfWeek.class);
            if (base != null) {
                week.putAll(base.week());
            } else if (hours == null) {
                week.putAll(BusinessCalendar.standard(java.time.ZoneOffset.UTC).week());
            }
            for (String entry : hours == null ? List.<String>of() : hours) {
                String[] parts = entry.split("=", 2);
                if (parts.length != 2) {
                    throw invalid("hours", "'" + entry + "' is not days=hours such as mon-fri=09:00-17:00");
                }
                List<BusinessCalendar.Span> spans = BusinessCalendar.parseHours(parts[1]);
                for (DayOfWeek day : days(parts[0])) {
                    week.put(day, spans);
                }
            }
            Map<LocalDate, String> names = new LinkedHashMap<>(old.map(SlaCalendar::holidayNames).orElse(Map.of()));
            for (String entry : holidays == null ? List.<String>of() : holidays) {
                String[] parts = entry.split("=", 2);
                names.put(LocalDate.parse(parts[0].trim()), parts.length > 1 ? parts[1].trim() : "");
            }
            java.time.ZoneId zoneId = zone != null ? java.time.ZoneId.of(zone.trim())
                    : base != null ? base.zone() : java.time.ZoneOffset.UTC;
            BusinessCalendar calendar = new BusinessCalendar(old.map(SlaCalendar::name).orElse(name.trim()), zoneId,
                    week, names.keySet());
            return new SlaCalendar(old.map(SlaCalendar::id).orElse(0L), calendar, names,
                    atRisk != null ? atRisk : old.map(SlaCalendar::atRiskPercent).orElse(75));
        } catch (java.time.DateTimeException e) {
            throw invalid("calendar", e.getMessage());
        } catch (IllegalArgumentException e) {
            throw invalid("hours", e.getMessage());
        }
    }

    /** @return the days of {@code mon}, {@code mon-fri} or {@code sat,sun} */
    static List<DayOfWeek> days(String text) {
        List<DayOfWeek> found = new java.util.ArrayList<>();
        for (String part : text.split(",")) {
            String[] range = part.trim().split("-");
            DayOfWeek from = day(range[0]);
            DayOfWeek to = range.length > 1 ? day(range[1]) : from;
            for (DayOfWeek d = from; ; d = d.plus(1)) {
                found.add(d);
                if (d == to) {
                    break;
                }
            }
        }
        return found;
    }

    private static DayOfWeek day(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (t.length() >= 2 && d.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT)
                    .startsWith(t)) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a weekday such as mon or friday");
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }
}
