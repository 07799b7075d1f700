package org.tesseracrm.email.internal.ui;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

import org.tesseracrm.email.api.MailLog;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/**
 * Administration &gt; Outbox: messages by state, the failed ones first with their error and "Retry", the queued ones
 * with their attempts so far.
 */
public class OutboxView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient MailLog log;
    private final transient Mailer mailer;
    private final Select<MailState> state = new Select<>();
    private final Grid<MailMessage> grid = new Grid<>();

    /**
     * @param log reads the messages; checks the permissions
     * @param mailer retries them
     */
    public OutboxView(MailLog log, Mailer mailer) {
        this.log = log;
        this.mailer = mailer;
        setId("email-outbox-view");
        state.setId("email-outbox-state");
        state.setLabel("Messages");
        state.setItems(MailState.FAILED, MailState.QUEUED, MailState.SKIPPED, MailState.SENT);
        state.setItemLabelGenerator(s -> s.name().charAt(0) + s.name().substring(1).toLowerCase(java.util.Locale.ROOT));
        state.setValue(MailState.FAILED);
        state.addValueChangeListener(e -> refresh());
        Button reload = new Button("Refresh", e -> refresh());
        reload.setId("email-outbox-refresh");
        grid.setId("email-outbox-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(m -> time(m.createdAt())).setHeader("Queued").setAutoWidth(true);
        grid.addColumn(MailMessage::createdBy).setHeader("By").setAutoWidth(true);
        grid.addColumn(m -> String.join(", ", m.to())).setHeader("To").setAutoWidth(true);
        grid.addColumn(MailMessage::subject).setHeader("Subject").setFlexGrow(1);
        grid.addColumn(MailMessage::attempts).setHeader("Attempts").setAutoWidth(true);
        grid.addColumn(m -> m.sentAt() == null ? "" : time(m.sentAt())).setHeader("Sent").setAutoWidth(true);
        grid.addComponentColumn(m -> {
            Div error = new Div();
            error.setText(m.error());
            error.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "normal");
            return error;
        }).setHeader("Error").setFlexGrow(2);
        grid.addComponentColumn(this::retry).setHeader("").setAutoWidth(true);
        add(new H2("Outbox"), new Paragraph("Mail waits here for its turn (each account sends at most its messages per minute) "
                + "and is retried while its server does not answer; a message refused for good, or still failing after its last "
                + "retry, is Failed with the server's answer. Fix the account or the address, then retry it."),
                new HorizontalLayout(state, reload), grid);
        refresh();
    }

    private Component retry(MailMessage message) {
        Button retry = new Button("Retry", e -> {
            try {
                mailer.retry(message.id());
                Notification.show("Back in the outbox.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (CrmException ex) {
                Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        retry.setId("email-outbox-retry-" + message.id());
        retry.setVisible(message.state() == MailState.FAILED);
        return retry;
    }

    private void refresh() {
        grid.setItems(log.list(state.getValue(), 200));
    }

    private static String time(Instant at) {
        return LocalTimes.shown(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }
}
