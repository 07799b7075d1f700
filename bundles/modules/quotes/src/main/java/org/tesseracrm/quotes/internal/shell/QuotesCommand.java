package org.tesseracrm.quotes.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.api.Quotes;

/**
 * {@code crm:quotes}: the quotes the user sees (newest number first), those of one status, or every revision of one
 * quote ({@code crm:quotes <id>}).
 */
@Service
@Command(scope = "crm", name = "quotes", description = "Lists quotes, or the revisions of one quote")
public class QuotesCommand implements Action {
    @Reference
    private Quotes quotes;

    @Reference
    private Records records;

    @Reference
    private CallerContext callers;

    @Option(name = "--status", description = "only quotes of this status (Draft, Sent, Accepted, Rejected, Expired)")
    private String status;

    @Option(name = "--limit", description = "the most listed (default 50)")
    private int limit = 50;

    @Argument(index = 0, name = "id", required = false, description = "a quote's id: list its revisions")
    private long id;

    @Override
    public Object execute() {
        List<RecordRow> rows = callers.callAs(ShellCaller.current(), () -> {
            if (id > 0) {
                return quotes.revisions(id);
            }
            RecordQuery query = RecordQuery.page(0, Math.max(1, Math.min(limit, RecordQuery.MAX_LIMIT)));
            if (status != null && !status.isBlank()) {
                query = query.withFilters(List.of(Filter.of(QuoteFields.STATUS, FilterOp.EQUALS, status.strip())));
            }
            return records.page(QuoteFields.RECORD_TYPE, query);
        });
        rows.forEach(r -> System.out.println(QuoteShell.line(r)));
        if (rows.isEmpty()) {
            System.out.println("No quotes");
        }
        return null;
    }
}
