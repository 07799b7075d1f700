package org.tesseracrm.email.internal.ui;

import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import org.tesseracrm.email.api.MailLog;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.internal.capture.Inbox;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/**
 * E-mail inbox: the captured mail that matched no record (the user's mailbox, and the shared ones for users with
 * {@code email.accounts}), newest first. A message opens as text (never its HTML); "File on a record…" picks a record
 * type and a record to log it on, "Create lead" makes a lead of its sender and logs it there.
 */
public class InboxView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient Inbox inbox;
    private final transient MailLog log;
    private final transient Records records;
    private final transient RecordTypes types;
    private final Grid<Inbox.Item> grid = new Grid<>();
    private final Paragraph empty = new Paragraph("No unmatched mail: every captured message was logged on a record.");

    /**
     * @param inbox the unmatched mail; it checks the permissions
     * @param log reads a whole message
     * @param records finds the records to file on
     * @param types the installed record types
     */
    public InboxView(Inbox inbox, MailLog log, Records records, RecordTypes types) {
        this.inbox = inbox;
        this.log = log;
        this.records = records;
        this.types = types;
        setId("email-inbox-view");
        grid.setId("email-inbox-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(i -> LocalTimes.current().format(i.receivedAt())).setHeader("Received").setAutoWidth(true);
        grid.addColumn(Inbox.Item::from).setHeader("From").setAutoWidth(true);
        grid.addColumn(Inbox.Item::subject).setHeader("Subject").setFlexGrow(1);
        grid.addColumn(i -> i.account() + (i.shared() ? " (shared)" : "")).setHeader("Mailbox").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.addItemDoubleClickListener(e -> open(e.getItem()));
        empty.setId("email-inbox-empty");
        Button refresh = new Button("Refresh", e -> refresh());
        refresh.setId("email-inbox-refresh");
        add(new H2("E-mail inbox"), new Paragraph("Mail captured from your mailbox that matched no contact, lead or "
                + "company. File it on a record, or make a lead of its sender."), refresh, empty, grid);
        refresh();
    }

    private void refresh() {
        List<Inbox.Item> items = inbox.list(Inbox.MAX_LIST);
        grid.setItems(items);
        empty.setVisible(items.isEmpty());
        grid.setVisible(!items.isEmpty());
    }

    private HorizontalLayout actions(Inbox.Item item) {
        Button file = new Button("File on a record…", e -> fileDialog(item));
        file.setId("email-inbox-file-" + item.id());
        HorizontalLayout buttons = new HorizontalLayout(file);
        if (types.find(Inbox.LEAD).isPresent()) {
            Button lead = new Button("Create lead", e -> act(() -> inbox.createLead(item.id()), "Lead created"));
            lead.setId("email-inbox-lead-" + item.id());
            buttons.add(lead);
        }
        return buttons;
    }

    private void open(Inbox.Item item) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(item.subject().isBlank() ? "(no subject)" : item.subject());
        try {
            MailMessage message = log.get(item.id());
            Pre text = new Pre(message.text() == null ? "" : message.text());
            text.getStyle().set("white-space", "pre-wrap");
            dialog.add(new Paragraph("From " + item.from() + " to " + String.join(", ", item.to())), text);
            if (!message.attachments().isEmpty()) {
                dialog.add(new Paragraph("Attachments: " + String.join(", ", message.attachments())));
            }
        } catch (CrmException e) {
            dialog.add(new Paragraph(item.preview()));
        }
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private void fileDialog(Inbox.Item item) {
        Dialog dialog = new Dialog();
        dialog.setId("email-inbox-file-dialog");
        dialog.setHeaderTitle("File on a record");
        ComboBox<RecordType> type = new ComboBox<>("Record type");
        type.setId("email-inbox-file-type");
        type.setItems(types.all().stream().filter(t -> t.ids().isPresent())
                .sorted(Comparator.comparing(RecordType::label)).toList());
        type.setItemLabelGenerator(RecordType::label);
        ComboBox<RecordRef> record = new ComboBox<>("Record");
        record.setId("email-inbox-file-record");
        record.setItemLabelGenerator(RecordRef::title);
        record.setEnabled(false);
        type.addValueChangeListener(e -> {
            record.clear();
            record.setEnabled(e.getValue() != null);
            if (e.getValue() != null) {
                String typeId = e.getValue().id();
                record.setItems(query -> {
                    List<RecordRef> found = records.lookup(typeId, query.getFilter().orElse(""), 20);
                    return found.stream().skip(query.getOffset()).limit(query.getLimit());
                });
            }
        });
        type.getListDataView().getItems().filter(t -> "contact".equals(t.id())).findFirst().ifPresent(type::setValue);
        Button save = new Button("File", e -> {
            if (type.getValue() == null || record.getValue() == null) {
                record.setInvalid(true);
                record.setErrorMessage("Choose a record.");
                return;
            }
            if (act(() -> inbox.file(item.id(), type.getValue().id(), record.getValue().id()), "Filed")) {
                dialog.close();
            }
        });
        save.setId("email-inbox-file-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(new Paragraph(item.from() + ": " + item.subject()), type, record));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private boolean act(java.util.function.Supplier<MailMessage> action, String done) {
        try {
            MailMessage message = action.get();
            String on = message.records().stream().map(RecordRef::title).findFirst().map(t -> " on " + t).orElse("");
            Notification.show(done + on + ".", 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
            return true;
        } catch (CrmException ex) {
            Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
    }
}
