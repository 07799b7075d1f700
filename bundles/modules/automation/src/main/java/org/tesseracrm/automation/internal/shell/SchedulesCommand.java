package org.tesseracrm.automation.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.automation.api.Schedule;
import org.tesseracrm.automation.api.Schedules;

/** {@code automation:schedules}: the schedules with their next run. */
@Service
@Command(scope = "automation", name = "schedules", description = "Lists the schedules with their next run")
public class SchedulesCommand extends PartsCommand {
    @Reference
    Schedules schedules;

    @Override
    public Object execute() {
        print(asUser(schedules::schedules).stream().map(SchedulesCommand::line).toList(), "No schedules");
        return null;
    }

    /** @return e.g. {@code 3 ACTIVE "Call dormant customers" WEEKLY MONDAY 08:00 Europe/Madrid over contact view ...} */
    static String line(Schedule s) {
        String when = switch (s.frequency()) {
            case ONCE -> s.date().map(Object::toString).orElse("");
            case DAILY -> "";
            case WEEKLY -> s.dayOfWeek().map(Object::toString).orElse("");
            case MONTHLY -> "day " + s.dayOfMonth();
        };
        return s.id() + " " + (s.active() ? "ACTIVE" : "INACTIVE") + " \"" + s.name() + "\" " + s.frequency()
                + (when.isEmpty() ? "" : " " + when) + " " + s.time() + " " + s.zone() + " over " + s.recordType()
                + " view \"" + s.viewName() + "\" of " + s.viewOwner()
                + (s.conditions().isEmpty() ? "" : " and " + filters(s.conditions())) + ", actions "
                + String.join(", ", s.actions().stream().map(a -> a.action()).toList())
                + s.nextRun().map(n -> ", next " + n).orElse(", no next run");
    }
}
