package org.tesseracrm.quotes.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;
import org.tesseracrm.quotes.api.Quotes;

/** {@code crm:quote-send}: sends a draft quote (it is frozen, its PDF kept as an attachment). */
@Service
@Command(scope = "crm", name = "quote-send", description = "Sends a draft quote: frozen, its PDF kept with it")
public class QuoteSendCommand implements Action {
    @Reference
    private Quotes quotes;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "id", required = true, description = "the quote's id")
    private long id;

    @Override
    public Object execute() {
        System.out.println("Sent " + QuoteShell.line(callers.callAs(ShellCaller.current(), () -> quotes.send(id))));
        return null;
    }
}
