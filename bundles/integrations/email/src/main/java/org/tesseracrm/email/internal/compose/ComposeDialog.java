package org.tesseracrm.email.internal.compose;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadEvent;

import org.tesseracrm.email.api.MailAccount;
import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.email.api.MailTemplate;
import org.tesseracrm.email.api.Mailer;
import org.tesseracrm.email.api.RenderedMail;
import org.tesseracrm.email.internal.compose.EmailPanelContribution.EmailServices;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Attachment;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.ui.kit.FieldErrors;

/**
 * Writing a mail from a record: account, To (the record's address, or its contact's), the other addresses found
 * for the record as one-click suggestions, CC, BCC, a template rendered for the record into subject and body (which
 * the user may change), the record's files to attach (a quote's newest PDF ticked), uploads (bounded by
 * {@link Mailer#MAX_ATTACHMENTS_BYTES} in all, of the kinds the CRM accepts as attachments), a warning for addresses
 * that unsubscribed or bounced (one-to-one mail still goes), and Send, which queues the mail in the outbox.
 *
 * <p>Element ids: {@code email-compose}, {@code email-no-account}, {@code email-account}, {@code email-to},
 * {@code email-suggestions} (buttons of class {@code email-suggestion}), {@code email-cc}, {@code email-bcc},
 * {@code email-template}, {@code email-subject}, {@code email-body}, {@code email-files}, {@code email-upload},
 * {@code email-uploaded}, {@code email-warning}, {@code email-error}, {@code email-send}, {@code email-cancel}.
 */
class ComposeDialog extends Dialog {
    private static final long serialVersionUID = 1L;
    /** Where users set up their own mail account (this bundle's "My mail account" view). */
    static final String ACCOUNTS_ROUTE = "email/my-account";
    /**
     * Record types whose newest PDF is ticked at once: a quote's PDF, which the quotes module keeps as an attachment
     * when the quote is sent, is what a mail from a quote is for.
     */
    static final Set<String> PDF_FIRST = Set.of("quote");

    private final transient EmailServices services;
    private final RecordRef record;
    private final Runnable sent;
    private final Select<MailAccount> account = new Select<>();
    private final TextField to = new TextField("To");
    private final TextField cc = new TextField("CC");
    private final TextField bcc = new TextField("BCC");
    private final Select<MailTemplate> template = new Select<>();
    private final TextField subject = new TextField("Subject");
    private final TextArea body = new TextArea("Message");
    private final CheckboxGroup<Attachment> files = new CheckboxGroup<>("Files of this record");
    private final List<MailAttachment> uploads = new ArrayList<>();
    private List<MailAttachment> templateFiles = List.of();
    private final Span uploaded = new Span();
    private final Span warning = new Span();
    private final Span error = new Span();

    ComposeDialog(EmailServices services, String recordType, long recordId, String title, Runnable sent) {
        this.services = services;
        this.record = new RecordRef(recordType, recordId, title);
        this.sent = sent;
        setId("email-compose");
        setHeaderTitle("New e-mail: " + title);
        setWidth("min(48rem, 95vw)");

        List<MailAccount> usable = services.accounts().list().stream().filter(MailAccount::enabled).toList();
        if (usable.isEmpty()) {
            noAccount();
            return;
        }
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        content.setSpacing(false);

        account.setId("email-account");
        account.setLabel("From");
        account.setItems(usable);
        account.setItemLabelGenerator(a -> a.name() + " <" + a.fromAddress() + ">");
        Optional<MailAccount> preferred = services.accounts().defaultAccount();
        account.setValue(preferred.flatMap(d -> usable.stream().filter(a -> a.id() == d.id()).findFirst())
                .orElse(usable.get(0)));
        account.setWidthFull();

        List<RecipientCandidate> candidates = services.composer().finder().candidates(recordType, recordId);
        List<String> prefilled = RecipientFinder.prefilled(candidates);
        to.setId("email-to");
        to.setValue(String.join(", ", prefilled));
        to.setWidthFull();
        to.setHelperText("Separate addresses with commas.");
        FlexLayout suggestions = suggestions(candidates, prefilled);
        cc.setId("email-cc");
        bcc.setId("email-bcc");
        cc.setWidthFull();
        bcc.setWidthFull();
        for (TextField field : List.of(to, cc, bcc)) {
            field.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_BLUR);
            field.addValueChangeListener(e -> warn());
        }

        template.setId("email-template");
        template.setLabel("Template");
        template.setEmptySelectionAllowed(true);
        template.setEmptySelectionCaption("No template");
        template.setItems(services.templates().list(recordType));
        template.setItemLabelGenerator(t -> t == null ? "No template" : t.name());
        template.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                render(e.getValue());
            }
        });
        template.setWidthFull();

        subject.setId("email-subject");
        subject.setWidthFull();
        subject.setMaxLength(998);
        body.setId("email-body");
        body.setWidthFull();
        body.setMinHeight("12rem");
        body.setHelperText("Plain text, or HTML when it comes from a template.");

        warning.setId("email-warning");
        warning.getStyle().set("color", "var(--lumo-warning-text-color, #8a6100)");
        error.setId("email-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");

        content.add(account, to);
        if (suggestions != null) {
            content.add(suggestions);
        }
        content.add(cc, bcc, template, subject, body);
        addFiles(content, recordType, recordId);
        content.add(upload(), uploaded, warning, error);
        add(content);
        warn();

        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("email-cancel");
        Button send = new Button("Send", e -> send());
        send.setId("email-send");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(cancel, send);
    }

    private void noAccount() {
        Paragraph text = new Paragraph("Set up a mail account first: ");
        text.setId("email-no-account");
        text.add(new Anchor(ACCOUNTS_ROUTE, "My mail account"));
        add(text);
        Button close = new Button("Close", e -> close());
        close.setId("email-cancel");
        getFooter().add(close);
    }

    /** @return a button per address found for the record but not in To, which adds it; null for none */
    private FlexLayout suggestions(List<RecipientCandidate> candidates, List<String> prefilled) {
        List<RecipientCandidate> others = candidates.stream().filter(c -> !prefilled.contains(c.address())).toList();
        if (others.isEmpty()) {
            return null;
        }
        FlexLayout row = new FlexLayout();
        row.setId("email-suggestions");
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.getStyle().set("gap", "var(--lumo-space-xs)");
        for (RecipientCandidate candidate : others) {
            Button add = new Button("+ " + candidate.shown());
            add.addClassName("email-suggestion");
            add.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            add.getElement().setAttribute("title", candidate.fieldLabel() + " of " + candidate.record().title());
            add.addClickListener(e -> {
                List<String> now = Addresses.parse(to.getValue());
                if (now.stream().noneMatch(a -> a.equalsIgnoreCase(candidate.address()))) {
                    to.setValue(to.getValue().isBlank() ? candidate.address()
                            : to.getValue().strip() + ", " + candidate.address());
                }
                warn();
            });
            row.add(add);
        }
        return row;
    }

    private void addFiles(VerticalLayout content, String recordType, long recordId) {
        List<Attachment> all;
        try {
            all = services.attachments().list(recordType, recordId);
        } catch (CrmException e) {
            return; // the record type's files are not readable for this user: none offered
        }
        if (all.isEmpty()) {
            return;
        }
        files.setId("email-files");
        files.setItems(all);
        files.setItemLabelGenerator(f -> f.fileName() + " (" + size(f.size()) + ")");
        if (PDF_FIRST.contains(recordType)) {
            all.stream().filter(f -> "application/pdf".equals(f.mediaType())).findFirst() // newest first
                    .ifPresent(files::select);
        }
        content.add(files);
    }

    private Upload upload() {
        Set<String> allowed = services.attachments().allowedExtensions();
        Upload upload = new Upload(this::receive);
        upload.setId("email-upload");
        upload.setMaxFileSize((int) Mailer.MAX_ATTACHMENTS_BYTES);
        upload.setAcceptedFileTypes(allowed.stream().sorted().map(ext -> "." + ext).toArray(String[]::new));
        upload.setDropLabel(new Span(String.format("Attach a file (%s; at most %d MB in all)",
                String.join(", ", allowed.stream().sorted().toList()), Mailer.MAX_ATTACHMENTS_BYTES >> 20)));
        upload.addFileRejectedListener(e -> error.setText(e.getErrorMessage()));
        uploaded.setId("email-uploaded");
        return upload;
    }

    /** Reads an upload up to the bound (one byte more tells it is too large), then keeps it for this message. */
    private void receive(UploadEvent event) throws IOException {
        String name = event.getFileName() == null ? "file" : event.getFileName().replaceAll(".*[/\\\\]", "");
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)
                : "";
        long room = Mailer.MAX_ATTACHMENTS_BYTES - uploadedBytes();
        byte[] content;
        try (InputStream in = event.getInputStream()) {
            content = in.readNBytes((int) Math.max(0, room) + 1);
        }
        String problem = !services.attachments().allowedExtensions().contains(extension)
                ? "Files of this kind are not sent: " + name
                : content.length > room ? String.format("%s does not fit: at most %d MB of files go with one message.",
                        name, Mailer.MAX_ATTACHMENTS_BYTES >> 20)
                : content.length == 0 ? name + " is empty." : null;
        String type = Optional.ofNullable(URLConnection.guessContentTypeFromName(name))
                .orElse("application/octet-stream");
        event.getUI().access(() -> {
            if (problem != null) {
                error.setText(problem);
                return;
            }
            uploads.add(new MailAttachment(name, type, content));
            showAttached();
        });
    }

    private long uploadedBytes() {
        return uploads.stream().mapToLong(u -> u.content().length).sum()
                + templateFiles.stream().mapToLong(u -> u.content().length).sum();
    }

    private void showAttached() {
        List<String> names = new ArrayList<>();
        templateFiles.forEach(f -> names.add(f.name() + " (template)"));
        uploads.forEach(f -> names.add(f.name()));
        uploaded.setText(names.isEmpty() ? "" : "Attached: " + String.join(", ", names));
    }

    private void render(MailTemplate chosen) {
        try {
            RenderedMail mail = services.templates().render(chosen.id(), record.recordType(), record.id());
            subject.setValue(mail.subject());
            templateFiles = mail.attachments();
            showAttached();
            body.setValue(mail.html() != null && !mail.html().isBlank() ? mail.html()
                    : mail.text() == null ? "" : mail.text());
            error.setText(mail.unknownFields().isEmpty() ? ""
                    : "Merge fields this record type lacks, left out: " + String.join(", ", mail.unknownFields()));
        } catch (CrmException e) {
            error.setText(e.getMessage());
        }
    }

    /** Names the typed recipients that bulk mail skips. */
    private void warn() {
        List<String> all = new ArrayList<>();
        for (TextField field : List.of(to, cc, bcc)) {
            Addresses.parse(field.getValue()).stream().filter(Addresses::valid).forEach(all::add);
        }
        List<String> suppressed = all.isEmpty() ? List.of() : services.composer().suppressed(all);
        warning.setText(suppressed.isEmpty() ? "" : String.join(", ", suppressed) + (suppressed.size() == 1
                ? " unsubscribed or bounced" : " unsubscribed or bounced")
                + ": bulk mail and campaigns skip " + (suppressed.size() == 1 ? "it" : "them")
                + "; this message still goes.");
        warning.setVisible(!suppressed.isEmpty());
    }

    private void send() {
        Map<String, HasValidation> inputs = new LinkedHashMap<>();
        inputs.put("account", account);
        inputs.put("accountId", account);
        inputs.put("to", to);
        inputs.put("cc", cc);
        inputs.put("bcc", bcc);
        inputs.put("subject", subject);
        inputs.put("html", body);
        inputs.put("text", body);
        inputs.put("attachments", files);
        FieldErrors.clear(inputs);
        error.setText("");
        List<Long> chosenFiles = files.getValue() == null ? List.of()
                : files.getValue().stream().map(Attachment::id).toList();
        ComposeRequest request = new ComposeRequest(account.getValue() == null ? null : account.getValue().id(),
                to.getValue(), cc.getValue(), bcc.getValue(), subject.getValue(), Bodies.htmlPart(body.getValue()),
                Bodies.textPart(body.getValue()), record, List.of(), chosenFiles, attached(), "record");
        try {
            MailMessage queued = services.composer().send(request);
            close();
            Notification.show(queued.state() == MailState.SKIPPED ? "Not sent: " + queued.error()
                    : "Queued: " + queued.subject(), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(queued.state() == MailState.SKIPPED ? NotificationVariant.LUMO_WARNING
                            : NotificationVariant.LUMO_SUCCESS);
            sent.run();
        } catch (ValidationException e) {
            FieldErrors.show(e, inputs);
        } catch (CrmException e) {
            error.setText(e.getMessage());
        }
    }

    private List<MailAttachment> attached() {
        List<MailAttachment> all = new ArrayList<>(templateFiles);
        all.addAll(uploads);
        return all;
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : bytes < 1 << 20 ? (bytes >> 10) + " KB"
                : String.format("%.1f MB", bytes / (double) (1 << 20));
    }
}
