package org.tesseracrm.kernel.core.internal.shell;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.kernel.api.timer.TimerCounts;
import org.tesseracrm.kernel.api.timer.TimerInfo;
import org.tesseracrm.kernel.api.timer.TimerState;
import org.tesseracrm.kernel.api.timer.Timers;

/** {@code crm:timers}: how many timers are pending, running, failed and retried, and the failed and pending ones. */
@Service
@Command(scope = "crm", name = "timers", description = "Lists the durable timers: counts, then the failed, running and"
        + " pending ones with their attempts and last error")
public class TimersCommand implements Action {
    /** What the timer commands say while the kernel's timers are not running. */
    static final String UNAVAILABLE = "Timers are not available: the database or the kernel's schema is not ready (see /health).";

    // optional: without the database there are no timers, and the other crm: commands must still register
    @Reference(optional = true)
    private Timers timers;

    @Reference
    private CallerContext callers;

    @Option(name = "-n", aliases = "--limit", description = "the most timers listed per state (default 50)")
    private int limit = 50;

    @Override
    public Object execute() {
        if (timers == null) {
            System.out.println(UNAVAILABLE);
            return null;
        }
        List<TimerInfo> rows = new ArrayList<>();
        TimerCounts counts = callers.callAs(ShellCaller.current(), () -> {
            for (TimerState state : List.of(TimerState.FAILED, TimerState.RUNNING, TimerState.PENDING)) {
                rows.addAll(timers.list(state, Math.max(1, Math.min(limit, 1000))));
            }
            return timers.counts();
        });
        System.out.printf("Pending %d, running %d, failed %d, retried %d%n", counts.pending(), counts.running(),
                counts.failed(), counts.retried());
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "State", "Handler", "Key", "Due (UTC)", "Attempts", "Node")) {
            table.column(column);
        }
        table.column("Last error").maxSize(80);
        for (TimerInfo t : rows) {
            table.addRow().addContent(t.id(), t.state(), t.handler(), t.key(), t.dueAt(), t.attempts(),
                    t.claimedBy().orElse(""), t.lastError().orElse(""));
        }
        table.print(System.out);
        return null;
    }
}
