package org.tesseracrm.quotes.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.quotes.api.Quotes;

/** {@code crm:quote-revise}: makes the next revision of a sent quote, a draft copy of its fields and lines. */
@Service
@Command(scope = "crm", name = "quote-revise", description = "Makes the next revision of a sent quote (a draft copy)")
public class QuoteReviseCommand implements Action {
    @Reference
    private Quotes quotes;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "id", required = true, description = "the quote's id")
    private long id;

    @Override
    public Object execute() {
        System.out.println("Made " + QuoteShell.line(callers.callAs(ShellCaller.current(), () -> quotes.revise(id))));
        return null;
    }
}
