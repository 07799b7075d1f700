package org.tesseracrm.email.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.ShellCaller;

/** {@code email:retry <id>}: puts a failed message back in the outbox. */
@Service
@Command(scope = "email", name = "retry", description = "Puts a failed message back in the outbox")
public class RetryCommand implements Action {
    @Argument(index = 0, name = "id", description = "The message's id (email:outbox --state FAILED)", required = true)
    private long id;

    @Reference
    private Mailer mailer;

    @Reference
    private CallerContext callers;

    @Override
    public Object execute() {
        MailMessage message = callers.callAs(ShellCaller.current(), () -> mailer.retry(id));
        System.out.println("Message " + message.id() + " is " + message.state() + " again.");
        return null;
    }
}
