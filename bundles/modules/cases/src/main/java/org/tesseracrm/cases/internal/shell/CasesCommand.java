package org.tesseracrm.cases.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code crm:cases}: the cases the user sees (newest first), or those of one status. */
@Service
@Command(scope = "crm", name = "cases", description = "Lists cases")
public class CasesCommand implements Action {
    @Reference
    private Records records;

    @Reference
    private CallerContext callers;

    @Option(name = "--status", description = "only cases of this status (e.g. New, Solved)")
    private String status;

    @Option(name = "--limit", description = "the most listed (default 50)")
    private int limit = 50;

    @Override
    public Object execute() {
        List<RecordRow> rows = callers.callAs(ShellCaller.current(), () -> {
            RecordQuery query = RecordQuery.page(0, Math.max(1, Math.min(limit, RecordQuery.MAX_LIMIT)));
            if (status != null && !status.isBlank()) {
                query = query.withFilters(List.of(Filter.of(CaseFields.STATUS, FilterOp.EQUALS, status.strip())));
            }
            return records.page(CaseFields.RECORD_TYPE, query);
        });
        rows.forEach(r -> System.out.println(CaseShell.line(r)));
        if (rows.isEmpty()) {
            System.out.println("No cases");
        }
        return null;
    }
}
