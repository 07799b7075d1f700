package org.tesseracrm.reports.internal.shell;

import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.reports.internal.dashboard.Dashboard;
import org.tesseracrm.reports.internal.dashboard.DashboardService;
import org.tesseracrm.reports.internal.dashboard.Widget;

/** {@code reports:dashboards}: the dashboards the shell user sees, with their period and widgets (H4, issue 24). */
@Service
@Command(scope = "reports", name = "dashboards", description = "Lists the dashboards you see, with their widgets")
public class DashboardsCommand implements Action {
    @Reference
    private DashboardService dashboards;

    @Reference
    private CallerContext callers;

    @Override
    public Object execute() {
        return callers.callAs(ShellCaller.current(), () -> {
            ShellTable table = new ShellTable();
            table.column("Id");
            table.column("Name");
            table.column("Owner");
            table.column("Shared");
            table.column("Period");
            table.column("Widgets");
            for (Dashboard d : dashboards.list()) {
                table.addRow().addContent(d.id(), d.name(), d.owner(), d.sharing().isPrivate() ? "no" : "yes",
                        d.period().choice().label() + d.period().from().map(f -> " " + f + ".." + d.period().to()
                                .orElse(f)).orElse(""),
                        d.widgets().stream().map(Widget::reportKey).collect(Collectors.joining(", ")));
            }
            table.print(System.out);
            return null;
        });
    }
}
