package org.tesseracrm.reports.internal.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.reports.api.Reports;

/** {@code reports:export}: writes a report, run as the shell user, to an xlsx or csv file. */
@Service
@Command(scope = "reports", name = "export", description = "Exports a report, run as you, to an xlsx or csv file")
public class ReportsExportCommand implements Action {
    @Reference
    private Reports reports;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "report", required = true, description = "A report id or key (source:<id>)")
    private String report;

    @Argument(index = 1, name = "file", required = true, description = "The file to write")
    private String file;

    @Option(name = "--format", description = "xlsx (default) or csv")
    private String format = "xlsx";

    @Option(name = "--from", description = "First day of the period, e.g. 2026-01-01")
    private String from;

    @Option(name = "--to", description = "Last day of the period, e.g. 2026-03-31")
    private String to;

    @Override
    public Object execute() throws IOException {
        ExportFormat chosen = ExportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        try (OutputStream out = Files.newOutputStream(Path.of(file))) {
            int rows = callers.callAs(ShellCaller.current(),
                    () -> reports.export(Periods.key(report), chosen, Periods.of(from, to), out));
            System.out.println(rows + " rows written to " + file);
        }
        return null;
    }
}
