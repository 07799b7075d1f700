package org.tesseracrm.reports.internal.shell;

import java.util.Map;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ProfileInfo;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.reports.internal.dashboard.DashboardService;

/**
 * {@code reports:dashboard-default}: the dashboard the Home page shows the users of each profile; with a profile id
 * and a dashboard id (or {@code --clear}) it sets or clears one (reports admins; H4, issue 24).
 */
@Service
@Command(scope = "reports", name = "dashboard-default",
        description = "Shows, sets or clears the Home page dashboard of each profile")
public class DashboardDefaultCommand implements Action {
    @Argument(index = 0, name = "profile", required = false, description = "A profile id")
    private Long profile;

    @Argument(index = 1, name = "dashboard", required = false, description = "A dashboard id")
    private Long dashboard;

    @Option(name = "--clear", description = "Show no dashboard to the profile's users")
    private boolean clear;

    @Reference
    private DashboardService dashboards;

    @Reference
    private CallerContext callers;

    @Override
    public Object execute() {
        return callers.callAs(ShellCaller.current(), () -> {
            if (profile != null) {
                if (dashboard == null && !clear) {
                    System.out.println("Give a dashboard id, or --clear.");
                    return null;
                }
                dashboards.setDefault(profile, clear ? Optional.empty() : Optional.of(dashboard));
            }
            Map<Long, Long> defaults = dashboards.defaults();
            ShellTable table = new ShellTable();
            table.column("Profile");
            table.column("Name");
            table.column("Dashboard");
            for (ProfileInfo p : dashboards.profiles()) {
                Long shown = defaults.get(p.id());
                table.addRow().addContent(p.id(), p.name(), shown == null ? "" : shown);
            }
            table.print(System.out);
            return null;
        });
    }
}
