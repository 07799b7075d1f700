package org.tesseracrm.email.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.email.api.ConnectionCheck;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code email:account-test <id>}: signs in to an account's SMTP (and IMAP) server without sending anything. */
@Service
@Command(scope = "email", name = "account-test", description = "Connects and signs in to a mail account's servers")
public class AccountTestCommand implements Action {
    @Argument(index = 0, name = "id", description = "The account's id (email:accounts)", required = true)
    private long id;

    @Reference
    private MailAccounts accounts;

    @Reference
    private CallerContext callers;

    @Override
    public Object execute() {
        ConnectionCheck check = callers.callAs(ShellCaller.current(), () -> accounts.test(id));
        System.out.println("SMTP: " + check.smtp());
        if (!check.imap().isBlank()) {
            System.out.println("IMAP: " + check.imap());
        }
        System.out.println(check.ok() ? "OK" : "FAILED");
        return null;
    }
}
