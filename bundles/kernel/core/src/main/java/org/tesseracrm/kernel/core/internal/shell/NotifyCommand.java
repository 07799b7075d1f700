package org.tesseracrm.kernel.core.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.notification.NotificationInput;
import org.tesseracrm.kernel.api.notification.NotificationReceipt;
import org.tesseracrm.kernel.api.notification.Notifications;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.security.ShellCaller;

/**
 * {@code crm:notify}: an administrator sends a user an in-app notification (a test of the bell, a message before
 * maintenance). Modules need no permission to notify; a person at the shell needs {@value SecurityAdmin#MANAGE_USERS},
 * as for anything else done to another user's account.
 */
@Service
@Command(scope = "crm", name = "notify", description = "Sends a user an in-app notification (needs administration.users)")
public class NotifyCommand implements Action {
    static final String UNAVAILABLE = "Notifications are not available: the kernel has no database (see /health).";

    @Reference(optional = true)
    private Notifications notifications;

    @Reference
    private CallerContext callers;

    @Reference
    private AccessControl access;

    @Argument(index = 0, name = "username", required = true, description = "who gets it")
    private String username;

    @Argument(index = 1, name = "title", required = true, description = "one line, at most 200 characters")
    private String title;

    @Argument(index = 2, name = "text", required = false, description = "the body, plain text")
    private String text;

    @Option(name = "--record", description = "the record it is about, as type:id, e.g. case:12")
    private String record;

    @Override
    public Object execute() {
        if (notifications == null) {
            System.out.println(UNAVAILABLE);
            return null;
        }
        NotificationInput input = input(title, text, record);
        NotificationReceipt receipt = callers.callAs(ShellCaller.current(), () -> {
            access.require(SecurityAdmin.MANAGE_USERS);
            return notifications.notify(username, input);
        });
        System.out.println("Notification " + receipt.id() + " sent to " + username);
        return null;
    }

    /**
     * @param record {@code type:id}, or null for none
     * @return what the command sends
     * @throws ValidationException for a record that is not {@code type:id}
     */
    static NotificationInput input(String title, String text, String record) {
        NotificationInput input = NotificationInput.of(title, text == null ? "" : text);
        if (record == null || record.isBlank()) {
            return input;
        }
        int colon = record.indexOf(':');
        try {
            if (colon > 0) {
                return input.withRecord(record.substring(0, colon).strip(), Long.parseLong(record.substring(colon + 1).strip()));
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ValidationException(List.of(new FieldError("record", "Give the record as type:id, e.g. case:12.")));
    }
}
