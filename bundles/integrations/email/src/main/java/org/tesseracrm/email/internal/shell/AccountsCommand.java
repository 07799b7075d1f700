package org.tesseracrm.email.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailAccounts;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code email:accounts}: the mail accounts the signed-in user may use (never their passwords). */
@Service
@Command(scope = "email", name = "accounts", description = "Lists the mail accounts you may use (passwords are never shown)")
public class AccountsCommand implements Action {
    @Reference
    private MailAccounts accounts;

    @Reference
    private CallerContext callers;

    @Override
    public Object execute() {
        List<MailAccount> found = callers.callAs(ShellCaller.current(), accounts::list);
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "Name", "Owner", "From", "SMTP", "Password", "IMAP", "Per minute", "State")) {
            table.column(column);
        }
        for (MailAccount a : found) {
            table.addRow().addContent(a.id(), a.name(), a.owner() == null ? "shared" : a.owner(), a.fromAddress(),
                    a.smtpHost() + ":" + a.smtpPort() + " " + a.smtpSecurity(), a.smtpPasswordSet() ? "(stored)" : "none",
                    a.captures() ? a.imapHost() + ":" + a.imapPort() + " " + a.imapFolder() : "-", a.sendPerMinute(),
                    a.enabled() ? "enabled" : "disabled");
        }
        table.print(System.out);
        return null;
    }
}
