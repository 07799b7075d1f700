package org.tesseracrm.email.internal.shell;

import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.email.internal.capture.CaptureService;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/**
 * {@code email:capture-now <account>}: reads an account's mailbox now and says what was captured; without an account,
 * lists the capturing mailboxes with their last run.
 */
@Service
@Command(scope = "email", name = "capture-now", description = "Reads a mail account's IMAP mailbox now (without an "
        + "account: lists the capturing mailboxes and their last run)")
public class CaptureNowCommand implements Action {
    @Reference
    private CaptureService capture;

    @Reference
    private CallerContext callers;

    @Argument(index = 0, name = "account", required = false, description = "the account's id")
    private Long account;

    @Override
    public Object execute() {
        if (account != null) {
            System.out.println(callers.callAs(ShellCaller.current(), () -> capture.captureNow(account)));
            return null;
        }
        List<CaptureService.MailboxStatus> found = callers.callAs(ShellCaller.current(), capture::mailboxes);
        ShellTable table = new ShellTable();
        for (String column : List.of("Account", "Name", "Owner", "Folder", "Active", "Last run", "Last UID", "Last result")) {
            table.column(column);
        }
        for (CaptureService.MailboxStatus m : found) {
            table.addRow().addContent(m.accountId(), m.account(), m.owner().isEmpty() ? "shared" : m.owner(), m.folder(),
                    m.active() ? "yes" : "no", m.lastRunAt().map(Instant::toString).orElse("never"), m.lastUid(),
                    m.lastError().isEmpty() ? m.lastSummary() : "Failed: " + m.lastError());
        }
        table.print(System.out);
        return null;
    }
}
