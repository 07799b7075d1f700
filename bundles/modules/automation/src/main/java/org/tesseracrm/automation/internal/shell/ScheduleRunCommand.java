package org.tesseracrm.automation.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.automation.api.ScheduleRun;
import org.tesseracrm.automation.api.Schedules;

/** {@code automation:schedule-run <id>}: runs a schedule now and prints the run. */
@Service
@Command(scope = "automation", name = "schedule-run", description = "Runs a schedule now")
public class ScheduleRunCommand extends PartsCommand {
    @Reference
    Schedules schedules;

    @Argument(index = 0, name = "id", required = true, description = "the schedule's id")
    long id;

    @Override
    public Object execute() {
        ScheduleRun run = asUser(() -> schedules.runNow(id));
        System.out.println("run " + run.id() + ": " + run.records() + " records, " + run.done() + " done, "
                + run.skipped() + " skipped, " + run.failed() + " failed"
                + (run.message().isEmpty() ? "" : ": " + run.message()));
        return null;
    }
}
