package org.tesseracrm.email.internal.compose;

import java.time.Instant;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.internal.compose.EmailPanelContribution.EmailServices;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/**
 * The E-mail section of a record's form: the mail logged on the record (sent, queued, failed, received), newest
 * first; a click opens a message read-only; "New e-mail" opens the composer.
 *
 * <p>Element ids: {@code email-panel}, {@code email-new}, {@code email-grid}; the composer's are in
 * {@link ComposeDialog}, the message's in {@link MessageDialog}.
 */
class EmailPanel extends Details {
    private static final long serialVersionUID = 1L;

    private final transient EmailServices services;
    private final String recordType;
    private final long recordId;
    private final Grid<MailMessage> grid = new Grid<>();

    EmailPanel(EmailServices services, String recordType, long recordId, String title) {
        this.services = services;
        this.recordType = recordType;
        this.recordId = recordId;
        setId("email-panel");
        setWidthFull();

        Button compose = new Button("New e-mail", new Icon(VaadinIcon.ENVELOPE_O),
                e -> new ComposeDialog(services, recordType, recordId, title, this::refresh).open());
        compose.setId("email-new");
        compose.addThemeVariants(ButtonVariant.LUMO_SMALL);

        LocalTimes times = LocalTimes.current();
        grid.setId("email-grid");
        grid.addColumn(m -> times.format(when(m))).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(m -> m.inbound() ? "From " + m.from() : "To " + String.join(", ", m.to()))
                .setHeader("From / to").setFlexGrow(1);
        grid.addColumn(MailMessage::subject).setHeader("Subject").setFlexGrow(2);
        grid.addColumn(EmailPanel::state).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> new MessageDialog(services, e.getItem().id(), this::refresh).open());

        VerticalLayout content = new VerticalLayout(compose, grid);
        content.setPadding(false);
        add(content);
        refresh();
    }

    private void refresh() {
        List<MailMessage> mail = services.log().forRecord(recordType, recordId);
        grid.setItems(mail);
        grid.setVisible(!mail.isEmpty());
        setSummaryText("E-mail (" + mail.size() + ")");
        setOpened(!mail.isEmpty() || isOpened());
    }

    static Instant when(MailMessage message) {
        return message.sentAt() != null ? message.sentAt() : message.createdAt();
    }

    /** @return the state as users read it, e.g. "Sent", "Failed" */
    static String state(MailMessage message) {
        String name = message.state().name();
        return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
