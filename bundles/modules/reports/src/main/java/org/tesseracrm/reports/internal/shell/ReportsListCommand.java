package org.tesseracrm.reports.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.reports.api.ReportInfo;
import org.tesseracrm.reports.api.Reports;

/** {@code reports:list}: the reports the shell user sees, saved and contributed. */
@Service
@Command(scope = "reports", name = "list", description = "Lists the reports you see: saved ones and ready-made ones")
public class ReportsListCommand implements Action {
    @Reference
    private Reports reports;

    @Reference
    private CallerContext callers;

    @Override
    public Object execute() {
        return callers.callAs(ShellCaller.current(), () -> {
            ShellTable table = new ShellTable();
            table.column("Key");
            table.column("Name");
            table.column("Record type");
            table.column("Chart");
            table.column("Owner");
            table.column("Shared");
            for (ReportInfo info : reports.list()) {
                table.addRow().addContent(info.key(), info.name(), info.recordType(), info.chart(), info.owner(),
                        info.shared() ? "yes" : "no");
            }
            table.print(System.out);
            return null;
        });
    }
}
