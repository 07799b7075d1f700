package org.tesseracrm.kernel.core.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tesseracrm.kernel.api.notification.Notification;
import org.tesseracrm.kernel.api.notification.Notifications;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code crm:notifications}: the signed-in shell user's own notifications, newest first. */
@Service
@Command(scope = "crm", name = "notifications", description = "Lists your in-app notifications, newest first")
public class NotificationsCommand implements Action {

    @Reference(optional = true)
    private Notifications notifications;

    @Reference
    private CallerContext callers;

    @Option(name = "--limit", description = "how many, 1 to 200 (default 20)")
    private int limit = 20;

    @Override
    public Object execute() {
        if (notifications == null) {
            System.out.println(NotifyCommand.UNAVAILABLE);
            return null;
        }
        List<Notification> mine = callers.callAs(ShellCaller.current(), () -> notifications.mine(limit));
        ShellTable table = new ShellTable();
        for (String column : List.of("Id", "Sent", "Read", "Title", "Record", "Text")) {
            table.column(column);
        }
        for (Notification n : mine) {
            table.addRow().addContent(n.id(), n.createdAt(), n.read() ? "yes" : "no", n.title(),
                    n.hasRecord() ? n.recordTitle() + " (" + n.recordType() + ":" + n.recordId() + ")" : "",
                    n.text().length() > 60 ? n.text().substring(0, 59) + "…" : n.text());
        }
        table.print(System.out);
        return null;
    }
}
