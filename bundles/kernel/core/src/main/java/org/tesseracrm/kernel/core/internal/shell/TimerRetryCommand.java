package org.tesseracrm.kernel.core.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.kernel.api.timer.TimerInfo;
import org.tesseracrm.kernel.api.timer.Timers;

/** {@code crm:timer-retry}: a failed timer runs again now, with its attempts counted from zero. */
@Service
@Command(scope = "crm", name = "timer-retry", description = "Makes a failed timer pending again, due now")
public class TimerRetryCommand implements Action {

    // optional: without the database there are no timers, and the other crm: commands must still register
    @Reference(optional = true)
    private Timers timers;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "id", required = true, description = "the timer's id, as crm:timers shows it")
    private long id;

    @Override
    public Object execute() {
        if (timers == null) {
            System.out.println(TimersCommand.UNAVAILABLE);
            return null;
        }
        TimerInfo timer = callers.callAs(ShellCaller.current(), () -> timers.retry(id));
        System.out.println("Timer " + timer.id() + " (" + timer.handler() + " / " + timer.key() + ") is pending again, due "
                + timer.dueAt());
        return null;
    }
}
