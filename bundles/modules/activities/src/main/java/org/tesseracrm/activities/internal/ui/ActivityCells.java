package org.tesseracrm.activities.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import org.tesseracrm.activities.internal.ActivitiesModule;
import org.tesseracrm.activities.internal.service.Activity;
import org.tesseracrm.activities.internal.service.ActivityService;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.security.AccessControl;

/** What every list of activities shows in a row: the due flag, and the Join and Complete buttons. */
final class ActivityCells {
    private ActivityCells() {
    }

    /** @return the activity's due flag badge, or "Done" */
    static Component flag(ActivityService activities, Activity activity) {
        Span badge = new Span();
        if (activity.done()) {
            badge.setText("Done");
            badge.getElement().getThemeList().add("badge small contrast");
            return badge;
        }
        activities.flag(activity.dueAt()).ifPresent(m -> {
            badge.setText(m.text());
            badge.getElement().getThemeList().add("badge small " + m.tone());
            badge.getElement().setAttribute("title", m.hint());
        });
        return badge;
    }

    /**
     * @return for an open activity and a user who may edit it: Join (video meetings) and Complete,
     *     with the classes {@code activity-row-join} and {@code activity-row-complete}
     */
    static Component actions(ActivityService activities, AccessControl access, Activity activity, Runnable refresh) {
        HorizontalLayout buttons = new HorizontalLayout();
        if (activity.done() || !access.permitted(ActivitiesModule.EDIT)) {
            return buttons;
        }
        if (activity.kind().video()) {
            Button join = new Button("Join", new Icon(VaadinIcon.PLAY_CIRCLE), e -> join(activities, activity.id(), refresh));
            join.addClassName("activity-row-join");
            join.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            buttons.add(join);
        }
        Button complete = new Button("Complete", new Icon(VaadinIcon.CHECK), e -> {
            activities.complete(activity.id());
            refresh.run();
        });
        complete.addClassName("activity-row-complete");
        complete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        buttons.add(complete);
        return buttons;
    }

    /** The Join button's work: records the join, then opens the meeting in a new browser tab. */
    static void join(ActivityService activities, long id, Runnable refresh) {
        try {
            ActivityService.Join join = activities.join(id);
            // The link was checked to be an https Teams or Zoom address; the page opens it without our window.
            UI.getCurrent().getPage().executeJs("window.open($0, '_blank', 'noopener')", join.link());
            Notification.show(join.checkIn().isPresent() ? "Joined. The video check-in counts as a visit."
                    : "Joined. The meeting is recorded as done.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh.run();
        } catch (ValidationException e) {
            Notification.show(e.errors().get(0).message()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (CrmException e) {
            Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }
}
