package org.tesseracrm.quotes.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.quotes.api.Quotes;

/** {@code crm:quote-from-opportunity}: makes a draft quote from an opportunity, its contact and product lines. */
@Service
@Command(scope = "crm", name = "quote-from-opportunity", description = "Makes a draft quote from an opportunity")
public class QuoteFromOpportunityCommand implements Action {
    @Reference
    private Quotes quotes;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "opportunityId", required = true, description = "the opportunity's id")
    private long opportunityId;

    @Override
    public Object execute() {
        System.out.println("Made " + QuoteShell.line(callers.callAs(ShellCaller.current(),
                () -> quotes.fromOpportunity(opportunityId))));
        return null;
    }
}
