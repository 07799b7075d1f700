package org.tesseracrm.email.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.email.internal.capture.Inbox;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code email:inbox}: the captured mail that matched no record, in the shell user's inbox, newest first. */
@Service
@Command(scope = "email", name = "inbox", description = "Lists the captured mail that matched no record (the shell "
        + "user's mailbox, and the shared ones with email.accounts)")
public class InboxCommand implements Action {
    @Reference
    private Inbox inbox;

    @Reference
    private CallerContext callers;

    @Option(name = "--limit", description = "the most messages shown (default 50)")
    private int limit = 50;

    @Override
    public Object execute() {
        List<Inbox.Item> found = callers.callAs(ShellCaller.current(), () -> inbox.list(limit));
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "Account", "Received", "From", "Subject")) {
            table.column(column);
        }
        for (Inbox.Item item : found) {
            table.addRow().addContent(item.id(), item.account(), item.receivedAt(), item.from(), item.subject());
        }
        table.print(System.out);
        return null;
    }
}
