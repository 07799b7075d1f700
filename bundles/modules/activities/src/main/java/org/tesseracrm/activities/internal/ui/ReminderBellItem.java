package org.tesseracrm.activities.internal.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.activities.internal.ActivitiesModule;
import org.tesseracrm.activities.internal.service.ActivityService;
import org.tesseracrm.activities.internal.service.ReminderScheduler;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.ui.HeaderItem;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/** Puts the reminder bell into the top bar of users who may see activities. */
@org.osgi.service.component.annotations.Component(service = HeaderItem.class, property = HeaderItem.ORDER + ":Integer=10")
public class ReminderBellItem implements HeaderItem {
    private final ActivityService activities;
    private final ReminderScheduler scheduler;
    private final RecordKit kit;
    private final AccessControl access;
    private final CallerContext callers;

    /**
     * @param activities the user's due reminders, snooze and dismiss
     * @param scheduler tells the bell when a reminder comes due
     * @param kit opens a reminder's record
     * @param access shows the bell only with {@code activities.view}
     * @param callers the signed-in user
     */
    @Activate
    public ReminderBellItem(@Reference ActivityService activities, @Reference ReminderScheduler scheduler,
            @Reference RecordKit kit, @Reference AccessControl access, @Reference CallerContext callers) {
        this.activities = activities;
        this.scheduler = scheduler;
        this.kit = kit;
        this.access = access;
        this.callers = callers;
    }

    @Override
    public Optional<Component> create() {
        if (!access.permitted(ActivitiesModule.VIEW)) {
            return Optional.empty();
        }
        return callers.current().map(caller -> new ReminderBell(activities, scheduler, kit, caller.username()));
    }
}
