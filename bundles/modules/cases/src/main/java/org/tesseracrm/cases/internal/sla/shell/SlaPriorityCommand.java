package org.tesseracrm.cases.internal.sla.shell;

import java.util.List;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.cases.internal.sla.Resolution;
import org.tesseracrm.cases.internal.sla.SlaService;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/**
 * {@code crm:case-sla-priority}: lists the resolution times; {@code crm:case-sla-priority Urgent 40m} sets one,
 * {@code --type Complaint --calendar Madrid} sets a case type's calendar ({@code cases.configure}).
 */
@Service
@Command(scope = "crm", name = "case-sla-priority",
        description = "Lists or sets resolution times per priority (40m, 4h, 2d, none) and calendars per case type")
public class SlaPriorityCommand implements Action {
    @Reference
    private SlaService sla;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "priority", required = false, description = "a priority of the pick-list")
    private String priority;

    @Argument(index = 1, name = "time", required = false, description = "40m, 4h, 2d, or none for no SLA")
    private String time;

    @Option(name = "--type", description = "a case type, to set its calendar")
    private String type;

    @Option(name = "--calendar", description = "the calendar of --type (Default for the default)")
    private String calendar;

    @Override
    public Object execute() {
        callers.callAs(ShellCaller.current(), () -> {
            if (type != null) {
                Optional<Long> id = calendar == null || calendar.equalsIgnoreCase("Default") ? Optional.empty()
                        : Optional.of(sla.calendars().stream().filter(c -> c.name().equalsIgnoreCase(calendar))
                                .findFirst().orElseThrow(() -> invalid("calendar", "There is no calendar " + calendar))
                                .id());
                sla.setTypeCalendar(type, id);
                System.out.println(type + " cases count in " + (id.isEmpty() ? "Default" : calendar));
            }
            if (priority != null) {
                Optional<Resolution> resolution;
                try {
                    resolution = time == null || time.equalsIgnoreCase("none") ? Optional.empty()
                            : Optional.of(Resolution.parse(time));
                } catch (IllegalArgumentException e) {
                    throw invalid("time", e.getMessage());
                }
                sla.setResolution(priority, resolution);
            }
            sla.resolutions().forEach((p, r) -> System.out.println(p + "\t" + r));
            sla.typeCalendars().forEach((t, id) -> System.out.println(t + "\tcalendar id " + id));
            return null;
        });
        return null;
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }
}
