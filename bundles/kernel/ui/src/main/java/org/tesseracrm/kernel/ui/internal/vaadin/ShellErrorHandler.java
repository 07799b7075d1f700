package org.tesseracrm.kernel.ui.internal.vaadin;

import java.util.UUID;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.CrmException;

/**
 * Turns failures in event handlers into messages: a {@link CrmException}'s own message, or for
 * anything unexpected an error id that is also in the log. Users never see a stack trace.
 */
public final class ShellErrorHandler implements ErrorHandler {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ShellErrorHandler.class);

    @Override
    public void error(ErrorEvent event) {
        String message = messageFor(event.getThrowable());
        if (UI.getCurrent() != null) {
            Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /**
     * @param failure what went wrong
     * @return the first CRM exception's message in the cause chain, else a message with an error id that
     *     is logged with the stack trace
     */
    public static String messageFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CrmException crm) {
                return crm.getMessage();
            }
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("Unexpected error, id {}", id, failure);
        return "Something went wrong. Please try again; if it persists, give your administrator error id " + id + ".";
    }
}
