package org.tesseracrm.campaigns.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.campaigns.api.CampaignFields;
import org.tesseracrm.campaigns.api.CampaignResults;
import org.tesseracrm.campaigns.api.Campaigns;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code campaigns:list}: the campaigns the shell user sees, newest first, with their results. */
@Service
@Command(scope = "campaigns", name = "list", description = "Lists campaigns with their status and results")
public class CampaignsListCommand implements Action {
    @Reference
    private Campaigns campaigns;

    @Reference
    private Records records;

    @Reference
    private CallerContext callers;

    @Option(name = "--limit", description = "At most this many campaigns (default 50)")
    private int limit = 50;

    @Override
    public Object execute() {
        return callers.callAs(ShellCaller.current(), () -> {
            List<RecordRow> rows = records.page(CampaignFields.RECORD_TYPE,
                    RecordQuery.page(0, Math.max(1, Math.min(RecordQuery.MAX_LIMIT, limit))));
            ShellTable table = new ShellTable();
            for (String column : List.of("Id", "Name", "Status", "Recipients", "Pending", "Sent", "Opened", "Clicked",
                    "Bounced", "Unsubscribed", "Skipped", "Failed")) {
                table.column(column);
            }
            for (RecordRow row : rows) {
                CampaignResults r = campaigns.results(row.id());
                table.addRow().addContent(row.id(), row.text(CampaignFields.NAME), r.status(), r.recipients(),
                        r.pending(), r.sent(), r.opened(), r.clicked(), r.bounced(), r.unsubscribed(), r.skipped(),
                        r.failed());
            }
            table.print(System.out);
            return null;
        });
    }
}
