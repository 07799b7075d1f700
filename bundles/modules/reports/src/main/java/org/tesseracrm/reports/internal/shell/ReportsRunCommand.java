package org.tesseracrm.reports.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.api.Reports;

/** {@code reports:run}: runs a report as the shell user and prints its table. */
@Service
@Command(scope = "reports", name = "run", description = "Runs a report as you and prints its rows")
public class ReportsRunCommand implements Action {
    @Reference
    private Reports reports;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "report", required = true, description = "A report id or key (source:<id>)")
    private String report;

    @Option(name = "--from", description = "First day of the period, e.g. 2026-01-01")
    private String from;

    @Option(name = "--to", description = "Last day of the period, e.g. 2026-03-31")
    private String to;

    @Override
    public Object execute() {
        return callers.callAs(ShellCaller.current(), () -> {
            ReportResult result = reports.run(Periods.key(report), Periods.of(from, to));
            System.out.println(result.title());
            result.notice().ifPresent(System.out::println);
            ShellTable table = new ShellTable();
            result.groupHeaders().forEach(table::column);
            result.measureHeaders().forEach(h -> table.column(h).alignRight());
            for (AggregateRow row : result.rows()) {
                var line = table.addRow();
                row.labels().forEach(line::addContent);
                row.values().forEach(v -> line.addContent(v == null ? "" : v.toPlainString()));
            }
            table.print(System.out);
            return null;
        });
    }
}
