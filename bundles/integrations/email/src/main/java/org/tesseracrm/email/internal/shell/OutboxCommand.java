package org.tesseracrm.email.internal.shell;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.email.api.MailLog;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code email:outbox [--state FAILED] [--limit 50]}: your messages in a state (everybody's with email.accounts). */
@Service
@Command(scope = "email", name = "outbox", description = "Lists messages by state: queued (default), sent, failed, skipped")
public class OutboxCommand implements Action {
    @Option(name = "--state", description = "QUEUED, SENT, FAILED, SKIPPED, RECEIVED or UNMATCHED")
    private String state = "QUEUED";

    @Option(name = "--limit", description = "At most this many, newest first")
    private int limit = 50;

    @Reference
    private MailLog log;

    @Reference
    private CallerContext callers;

    @Override
    public Object execute() {
        MailState wanted;
        try {
            wanted = MailState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            System.out.println("Choose a state: QUEUED, SENT, FAILED, SKIPPED, RECEIVED or UNMATCHED.");
            return null;
        }
        List<MailMessage> found = callers.callAs(ShellCaller.current(), () -> log.list(wanted, limit));
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "State", "To", "Subject", "Attempts", "By", "Created", "Error")) {
            table.column(column);
        }
        for (MailMessage m : found) {
            table.addRow().addContent(m.id(), m.state(), String.join(", ", m.to()), m.subject(), m.attempts(), m.createdBy(),
                    m.createdAt(), m.error());
        }
        table.print(System.out);
        return null;
    }
}
