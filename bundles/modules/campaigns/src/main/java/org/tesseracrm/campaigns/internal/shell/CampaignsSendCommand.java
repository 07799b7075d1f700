package org.tesseracrm.campaigns.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.campaigns.api.CampaignResults;
import org.tesseracrm.campaigns.api.Campaigns;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code campaigns:send <id>}: starts sending a draft or scheduled campaign now, as the shell user. */
@Service
@Command(scope = "campaigns", name = "send", description = "Sends a campaign now")
public class CampaignsSendCommand implements Action {
    @Reference
    private Campaigns campaigns;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "id", required = true, description = "The campaign id")
    private long id;

    @Override
    public Object execute() {
        try {
            CampaignResults r = callers.callAs(ShellCaller.current(), () -> campaigns.send(id));
            System.out.println("Campaign " + id + " is " + r.status() + ": " + r.pending() + " of " + r.recipients()
                    + " members to queue");
        } catch (CrmException e) {
            System.out.println("Campaign " + id + " was not sent: " + e.getMessage());
        }
        return null;
    }
}
