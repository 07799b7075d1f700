package org.tesseracrm.reports.internal.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The report and dashboard screens' notifications: what went well, and what the service refused (its message, no stack trace). */
public final class Toasts {
    private Toasts() {
    }

    /** Says something went well. */
    public static void done(String message) {
        Notification.show(message, 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** Says what was refused. */
    public static void error(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
