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

    // The text, and --record type:id also after the arguments (Karaf's shell reads options only before them)
    @Argument(index = 2, name = "text", required = false, multiValued = true,
            description = "the body, plain text (in quotes), then optionally --record type:id")
    private List<String> tail;

    @Option(name = "--record", description = "the record it is about, as type:id, e.g. case:12")
    private String record;

    @Override
    public Object execute() {
        if (notifications == null) {
            System.out.println(UNAVAILABLE);
            return null;
        }
        NotificationInput input = input(title, tail == null ? List.of() : tail, record);
        NotificationReceipt receipt = callers.callAs(ShellCaller.current(), () -> {
            access.require(SecurityAdmin.MANAGE_USERS);
            return notifications.notify(username, input);
        });
        System.out.println("Notification " + receipt.id() + " sent to " + username);
        return null;
    }

    /**
     * @param tail the words after the title: the text, and {@code --record type:id} before or after it
     * @param record {@code type:id} given as an option before the arguments, or null
     * @return what the command sends
     * @throws ValidationException for a record that is not {@code type:id}, or more than one text
     */
    static NotificationInput input(String title, List<String> tail, String record) {
        String text = null;
        String link = record;
        for (int i = 0; i < tail.size(); i++) {
            if (tail.get(i).equals("--record") && i + 1 < tail.size()) {
                link = tail.get(++i);
            } else if (text == null) {
                text = tail.get(i);
            } else {
                throw new ValidationException(List.of(new FieldError("text", "Put the text in quotes: it is one argument.")));
            }
        }
        NotificationInput input = NotificationInput.of(title, text == null ? "" : text);
        if (link == null || link.isBlank()) {
            return input;
        }
        int colon = link.indexOf(':');
        try {
            if (colon > 0) {
                return input.withRecord(link.substring(0, colon).strip(), Long.parseLong(link.substring(colon + 1).strip()));
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ValidationException(List.of(new FieldError("record", "Give the record as type:id, e.g. case:12.")));
    }
}
