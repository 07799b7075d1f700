package org.tesseracrm.kernel.ui.internal.notification;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

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
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.notification.Notification;
import org.tesseracrm.kernel.api.notification.Notifications;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.ui.internal.shared.ShellSession;
import org.tesseracrm.kernel.ui.kit.LocalTimes;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/**
 * The bell in the top bar: the count of the user's unread notifications, and on click the newest of them; a click on
 * one marks it read and opens its record, if it links one. A new notification updates the count by server push while
 * the bell is on a page; it stops listening when the page goes (detach), so a closed tab leaves nothing behind.
 *
 * <p>Element ids: {@code notifications-bell}, {@code notifications-count}, the list {@code notifications-list} with a
 * {@code div.notification} per notification (also {@code .unread} until read), {@code notifications-read-all}.
 */
class NotificationBell extends HorizontalLayout {
    /** How many the list shows. */
    static final int SHOWN = 50;
    private static final long serialVersionUID = 1L;

    private final transient Notifications notifications;
    private final transient RecordKit kit;
    private final transient BellListeners listeners;
    private final transient CallerContext callers;
    private final String username;
    private final Span count = new Span();
    private transient Runnable listening;

    NotificationBell(Notifications notifications, RecordKit kit, BellListeners listeners, CallerContext callers,
            String username) {
        this.notifications = notifications;
        this.kit = kit;
        this.listeners = listeners;
        this.callers = callers;
        this.username = username;
        setSpacing(false);
        setAlignItems(Alignment.CENTER);
        Button bell = new Button(new Icon(VaadinIcon.BELL_O), e -> openList());
        bell.setId("notifications-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        bell.setAriaLabel("Notifications");
        bell.setTooltipText("Notifications");
        count.setId("notifications-count");
        count.getElement().getThemeList().add("badge contrast small pill");
        add(bell, count);
        recount();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        UI ui = event.getUI();
        AtomicBoolean waiting = new AtomicBoolean();
        if (listening == null) {
            listening = listeners.listen(username, id -> {
                if (waiting.compareAndSet(false, true)) { // a burst of notifications: one count read
                    ShellSession.access(ui, callers, () -> {
                        waiting.set(false);
                        recount();
                    });
                }
            });
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (listening != null) {
            listening.run();
            listening = null;
        }
        super.onDetach(event);
    }

    /** Reads the unread count again, as the signed-in user. */
    private void recount() {
        int unread;
        try {
            unread = notifications.unreadCount();
        } catch (CrmException e) {
            unread = 0; // the database is down: /health says so, the bell just shows nothing
        }
        count.setText(unread > 99 ? "99+" : Integer.toString(unread));
        count.setVisible(unread > 0);
        count.getElement().setAttribute("title", unread + " unread");
    }

    private void openList() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Notifications");
        VerticalLayout list = new VerticalLayout();
        list.setId("notifications-list");
        list.setPadding(false);
        list.setSpacing(false);
        List<Notification> newest;
        try {
            newest = notifications.mine(SHOWN);
        } catch (CrmException e) {
            com.vaadin.flow.component.notification.Notification.show(e.getMessage());
            return;
        }
        if (newest.isEmpty()) {
            list.add(new Span("No notifications yet."));
        }
        newest.forEach(n -> list.add(item(n, dialog)));
        dialog.add(list);
        Button readAll = new Button("Mark all read", e -> {
            notifications.markAllRead();
            list.getChildren().forEach(child -> child.removeClassName("unread"));
            recount();
        });
        readAll.setId("notifications-read-all");
        readAll.setEnabled(newest.stream().anyMatch(n -> !n.read()));
        dialog.getFooter().add(readAll, new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    /** One notification; a click marks it read and opens its record. Texts are set as text, never as HTML. */
    private Div item(Notification notification, Dialog dialog) {
        Div box = new Div();
        box.addClassName("notification");
        if (!notification.read()) {
            box.addClassName("unread");
        }
        box.getElement().setAttribute("data-id", Long.toString(notification.id()));
        box.getStyle().set("cursor", "pointer").set("padding", "var(--lumo-space-s)")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)").set("width", "100%");
        Span title = new Span(notification.title());
        title.getStyle().set("display", "block").set("font-weight", notification.read() ? "400" : "600");
        box.add(title);
        if (!notification.text().isEmpty()) {
            Span text = new Span(notification.text());
            text.getStyle().set("display", "block").set("white-space", "pre-line");
            box.add(text);
        }
        Span meta = new Span((notification.hasRecord() ? notification.recordTitle() + " · " : "")
                + LocalTimes.shown(LocalDateTime.ofInstant(notification.createdAt(), ZoneOffset.UTC)));
        meta.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)");
        box.add(meta);
        box.addClickListener(e -> open(notification, dialog));
        return box;
    }

    private void open(Notification notification, Dialog dialog) {
        try {
            notifications.markRead(notification.id());
        } catch (CrmException e) {
            com.vaadin.flow.component.notification.Notification.show(e.getMessage());
        }
        dialog.close();
        recount();
        if (notification.hasRecord()) {
            try {
                kit.form(notification.recordType(), notification.recordType(),
                        new RecordRow(notification.recordId(), 0, Map.of()), () -> { }).open();
            } catch (CrmException e) {
                com.vaadin.flow.component.notification.Notification.show("You cannot open "
                        + notification.recordTitle() + ": " + e.getMessage());
            }
        }
    }
}
