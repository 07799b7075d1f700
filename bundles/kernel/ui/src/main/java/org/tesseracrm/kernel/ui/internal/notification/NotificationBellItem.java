package org.tesseracrm.kernel.ui.internal.notification;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.tesseracrm.kernel.api.notification.Notifications;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.ui.HeaderItem;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/**
 * Puts the notifications bell into the top bar of every signed-in user, and hands each {@link Notifications#TOPIC}
 * event to the bells of its recipient's open pages (one Event Admin listener for all of them).
 */
@org.osgi.service.component.annotations.Component(service = {HeaderItem.class, EventHandler.class},
        property = {HeaderItem.ORDER + ":Integer=20", EventConstants.EVENT_TOPIC + "=" + Notifications.TOPIC})
public class NotificationBellItem implements HeaderItem, EventHandler {
    private final Notifications notifications;
    private final RecordKit kit;
    private final CallerContext callers;
    private final BellListeners listeners = new BellListeners();

    /**
     * @param notifications the signed-in user's notifications
     * @param kit opens a notification's record
     * @param callers the signed-in user
     */
    @Activate
    public NotificationBellItem(@Reference Notifications notifications, @Reference RecordKit kit,
            @Reference CallerContext callers) {
        this.notifications = notifications;
        this.kit = kit;
        this.callers = callers;
    }

    @Override
    public Optional<Component> create() {
        return callers.current().filter(caller -> !Caller.SYSTEM.equals(caller))
                .map(caller -> new NotificationBell(notifications, kit, listeners, callers, caller.username()));
    }

    @Override
    public void handleEvent(Event event) {
        listeners.heard(event);
    }
}
