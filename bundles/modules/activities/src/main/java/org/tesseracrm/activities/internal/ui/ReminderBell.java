package org.tesseracrm.activities.internal.ui;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import org.tesseracrm.activities.internal.service.Activity;
import org.tesseracrm.activities.internal.service.ActivityService;
import org.tesseracrm.activities.internal.service.ReminderScheduler;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/**
 * The bell in the top bar: the count of the user's due reminders, a list of them on click, and a
 * pop-up pushed into the page the moment one comes due (R-ACT-2), with the record's link, snooze
 * (15 minutes, 1 hour) and dismiss. It listens to the reminder scheduler while it is on a page.
 *
 * <p>Element ids: {@code reminders-bell}, {@code reminders-count}, the list {@code reminders-list}. Each
 * reminder, in a pop-up or the list, is a {@code div.reminder} with buttons of the classes
 * {@code reminder-open}, {@code reminder-snooze-15}, {@code reminder-snooze-60} and
 * {@code reminder-dismiss}.
 */
class ReminderBell extends HorizontalLayout {
    private static final long serialVersionUID = 1L;

    private final transient ActivityService activities;
    private final transient ReminderScheduler scheduler;
    private final transient RecordKit kit;
    private final String username;
    private final Span count = new Span();
    private int due;
    private transient Runnable listening;

    ReminderBell(ActivityService activities, ReminderScheduler scheduler, RecordKit kit, String username) {
        this.activities = activities;
        this.scheduler = scheduler;
        this.kit = kit;
        this.username = username;
        setSpacing(false);
        setAlignItems(Alignment.CENTER);
        Button bell = new Button(new Icon(VaadinIcon.BELL), e -> openList());
        bell.setId("reminders-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        bell.setAriaLabel("Reminders");
        bell.setTooltipText("Due reminders");
        count.setId("reminders-count");
        count.getElement().getThemeList().add("badge error small pill");
        add(bell, count);
        recount();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        listening = scheduler.listen(username, activity -> ui.access(() -> popUp(activity)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (listening != null) {
            listening.run();
            listening = null;
        }
        super.onDetach(event);
    }

    /** Reads the count again; on a request thread, where the user is signed in. */
    private void recount() {
        due = activities.dueReminders().size();
        showCount();
    }

    private void showCount() {
        count.setText(due >= 50 ? "50+" : Integer.toString(due));
        count.setVisible(due > 0);
    }

    /** Shows a reminder that just came due; runs in the session, pushed (no service calls here). */
    private void popUp(Activity activity) {
        due++;
        showCount();
        Notification popup = new Notification();
        popup.addClassName("reminder-popup");
        popup.setDuration(0);
        popup.setPosition(Notification.Position.TOP_END);
        popup.add(reminder(activity, popup::close));
        popup.open();
    }

    private void openList() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Due reminders");
        VerticalLayout list = new VerticalLayout();
        list.setId("reminders-list");
        list.setPadding(false);
        List<Activity> reminders = activities.dueReminders();
        if (reminders.isEmpty()) {
            list.add(new Span("Nothing is due."));
        }
        reminders.forEach(a -> list.add(reminder(a, dialog::close)));
        dialog.add(list);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    /** One reminder with its buttons; each button's work runs on a request thread. */
    private Div reminder(Activity activity, Runnable closeHolder) {
        Div box = new Div();
        box.addClassName("reminder");
        Span what = new Span(activity.kind().label() + ": " + activity.subject()
                + (activity.relatedTitle().isEmpty() ? "" : " — " + activity.relatedTitle())
                + " (due " + LocalTimes.shown(activity.dueAt()) + ")");
        what.getStyle().set("display", "block").set("font-weight", "600");
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(true);
        if (!activity.relatedType().isEmpty()) {
            buttons.add(button("Open", "reminder-open", () -> kit.form(activity.relatedType(), activity.relatedType(),
                    new RecordRow(activity.relatedId(), 0, Map.of()), () -> { }).open(), closeHolder));
        }
        buttons.add(button("Snooze 15 min", "reminder-snooze-15", () -> activities.snooze(activity.id(), Duration.ofMinutes(15)),
                closeHolder));
        buttons.add(button("Snooze 1 h", "reminder-snooze-60", () -> activities.snooze(activity.id(), Duration.ofHours(1)),
                closeHolder));
        buttons.add(button("Dismiss", "reminder-dismiss", () -> activities.dismiss(activity.id()), closeHolder));
        box.add(what, buttons);
        return box;
    }

    private Button button(String text, String id, Runnable work, Runnable closeHolder) {
        Button button = new Button(text, e -> {
            try {
                work.run();
            } catch (CrmException ex) {
                Notification.show(ex.getMessage());
            }
            closeHolder.run();
            recount();
        });
        button.addClassName(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }
}
