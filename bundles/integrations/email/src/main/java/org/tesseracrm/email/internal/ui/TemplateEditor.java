package org.tesseracrm.email.internal.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadEvent;

import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.MailTemplate;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.email.api.RenderedMail;
import org.tesseracrm.email.api.TemplateAttachment;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.ui.kit.FieldErrors;

/**
 * The dialog that writes a template: name, record type, shared or one's own, subject, HTML and text bodies, a merge
 * field picker inserting {@code $[...]} into the field last focused, the template's files, and a preview of the text
 * as typed (saved or not) merged with a record the user picks. The preview shows the HTML in a sandboxed frame that
 * runs no script and loads nothing but images.
 */
class TemplateEditor extends Dialog {
    private static final long serialVersionUID = 1L;
    /** Keeps the preview frame from running or fetching anything but images. */
    private static final String PREVIEW_POLICY = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "img-src https: http: data:; style-src 'unsafe-inline'\">";

    private final transient MailTemplates templates;
    private final transient RecordTypes types;
    private final transient Records records;
    private final Runnable changed;
    private final TextField name = new TextField("Name");
    private final Select<String> recordType = new Select<>();
    private final Checkbox shared = new Checkbox("Shared with every user");
    private final TextField subject = new TextField("Subject");
    private final TextArea html = new TextArea("HTML body");
    private final TextArea text = new TextArea("Plain-text body");
    private final ComboBox<String> mergeField = new ComboBox<>("Insert merge field");
    private final Div files = new Div();
    private final Upload upload;
    private final Select<String> previewType = new Select<>();
    private final ComboBox<RecordRef> previewRecord = new ComboBox<>("Record");
    private final VerticalLayout preview = new VerticalLayout();
    /** Where a picked merge field goes: the subject or a body, whichever had the focus last. */
    private com.vaadin.flow.component.textfield.HasPrefixAndSuffix target;
    private long id;
    private long version;

    TemplateEditor(MailTemplates templates, RecordTypes types, Records records, Optional<MailTemplate> template,
            boolean mayShare, boolean maySend, Runnable changed) {
        this.templates = templates;
        this.types = types;
        this.records = records;
        this.changed = changed;
        this.id = template.map(MailTemplate::id).orElse(0L);
        this.version = template.map(MailTemplate::version).orElse(0L);
        setId("email-template-editor");
        setHeaderTitle(template.map(t -> "Template " + t.name()).orElse("New template"));
        setWidth("64rem");

        List<String> typeIds = new ArrayList<>();
        typeIds.add("");
        types.all().stream().sorted(Comparator.comparing(RecordType::pluralLabel)).forEach(t -> typeIds.add(t.id()));
        name.setId("email-template-name");
        name.setWidthFull();
        name.setMaxLength(200);
        recordType.setId("email-template-type");
        recordType.setLabel("Record type");
        recordType.setItems(typeIds);
        recordType.setItemLabelGenerator(this::typeLabel);
        recordType.setHelperText("Whose fields it merges; templates of no type merge only $[User...] fields");
        shared.setId("email-template-shared");
        shared.setValue(template.map(t -> t.owner() == null).orElse(mayShare));
        shared.setEnabled(mayShare && maySend);
        subject.setId("email-template-subject");
        subject.setWidthFull();
        html.setId("email-template-html");
        html.setWidthFull();
        html.setHeight("14rem");
        html.getStyle().set("font-family", "monospace");
        html.setHelperText("HTML: formatting, links, tables and images (https or cid:) are kept; scripts, styles and "
                + "forms are removed when saved. Merged values are escaped.");
        text.setId("email-template-text");
        text.setWidthFull();
        text.setHeight("8rem");
        text.setHelperText("Leave blank to send the text of the HTML body");
        target = html;
        subject.addFocusListener(e -> target = subject);
        html.addFocusListener(e -> target = html);
        text.addFocusListener(e -> target = text);
        mergeField.setId("email-template-merge-field");
        mergeField.setWidth("24rem");
        mergeField.setHelperText("Goes at the end of the subject or body you were last in");
        mergeField.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                insert(e.getValue());
                mergeField.clear();
            }
        });
        recordType.addValueChangeListener(e -> {
            offerFields();
            if (e.getValue() != null && !e.getValue().isBlank()) {
                previewType.setValue(e.getValue());
            }
        });

        template.ifPresent(t -> {
            name.setValue(t.name());
            subject.setValue(t.subject());
            html.setValue(t.html());
            text.setValue(t.text());
        });
        recordType.setValue(template.map(MailTemplate::recordType).orElse(""));
        offerFields();

        upload = new Upload((UploadEvent event) -> receive(event));
        upload.setId("email-template-upload");
        upload.setMaxFileSize((int) MailTemplates.MAX_ATTACHMENT_BYTES);
        upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg", ".gif", ".txt", ".csv", ".docx", ".xlsx", ".pptx",
                ".odt", ".ods");
        upload.setDropLabel(new Span("Files sent with every mail: PDF, images, text, office documents; at most "
                + MailTemplates.MAX_ATTACHMENTS + " files, 5 MB in all"));
        upload.addFileRejectedListener(e -> TemplatesView.error(e.getErrorMessage()));
        files.setId("email-template-files");
        showFiles(template.map(MailTemplate::attachments).orElse(List.of()));

        previewType.setId("email-template-preview-type");
        previewType.setLabel("Preview with a record of");
        previewType.setItems(typeIds.subList(1, typeIds.size()));
        previewType.setItemLabelGenerator(this::typeLabel);
        previewType.addValueChangeListener(e -> previewRecord.clear());
        previewType.setValue(recordType.getValue() != null && !recordType.getValue().isBlank() ? recordType.getValue()
                : typeIds.size() > 1 ? typeIds.get(1) : null);
        previewRecord.setId("email-template-preview-record");
        previewRecord.setWidth("20rem");
        previewRecord.setItemLabelGenerator(RecordRef::title);
        previewRecord.setItems(query -> previewType.getValue() == null ? java.util.stream.Stream.<RecordRef>empty()
                : records.lookup(previewType.getValue(), query.getFilter().orElse(""),
                        Math.min(query.getOffset() + query.getLimit(), 50)).stream().skip(query.getOffset()));
        Button show = new Button("Preview", e -> preview());
        show.setId("email-template-preview");
        preview.setId("email-template-preview-result");
        preview.setPadding(false);

        VerticalLayout form = new VerticalLayout(name, new HorizontalLayout(recordType, shared), subject, html, text,
                mergeField, new H3("Files"), files, upload, new H3("Preview"),
                new HorizontalLayout(previewType, previewRecord, show), preview);
        form.setPadding(false);
        add(form);
        Button save = new Button("Save", e -> save());
        save.setId("email-template-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button("Close", e -> close());
        close.setId("email-template-close");
        getFooter().add(close, save);
        upload.setVisible(id != 0);
    }

    private String typeLabel(String typeId) {
        return typeId == null || typeId.isBlank() ? "None (user fields only)"
                : types.find(typeId).map(RecordType::pluralLabel).orElse(typeId);
    }

    private void offerFields() {
        try {
            mergeField.setItems(templates.mergeFields(recordType.getValue() == null ? "" : recordType.getValue()));
        } catch (CrmException e) {
            mergeField.setItems(List.of());
        }
    }

    private void insert(String field) {
        if (target == subject) {
            subject.setValue(subject.getValue() + field);
            subject.focus();
        } else if (target == text) {
            text.setValue(text.getValue() + field);
            text.focus();
        } else {
            html.setValue(html.getValue() + field);
            html.focus();
        }
    }

    private void save() {
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("name", name, "subject", subject, "html", html,
                "text", text);
        try {
            MailTemplate saved = templates.save(new MailTemplate(id, name.getValue(), recordType.getValue() == null ? ""
                    : recordType.getValue(), subject.getValue(), html.getValue(), text.getValue(),
                    shared.getValue() ? null : "me", version));
            FieldErrors.clear(fields);
            boolean created = id == 0;
            id = saved.id();
            version = saved.version();
            html.setValue(saved.html());
            setHeaderTitle("Template " + saved.name());
            upload.setVisible(true);
            showFiles(saved.attachments());
            Notification.show(created ? "Template saved: you can add files to it now." : "Template saved.")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            changed.run();
        } catch (ValidationException e) {
            FieldErrors.show(grouped(e), fields);
        } catch (CrmException e) {
            TemplatesView.error(e.getMessage());
        }
    }

    /** @return the errors with one message per field (a body may name several unknown merge fields) */
    private static ValidationException grouped(ValidationException e) {
        Map<String, String> byField = new LinkedHashMap<>();
        e.errors().forEach(error -> byField.merge(error.field(), error.message(), (a, b) -> a + " " + b));
        return new ValidationException(byField.entrySet().stream().map(x -> new FieldError(x.getKey(), x.getValue())).toList());
    }

    private void receive(UploadEvent event) {
        UI ui = event.getUI();
        String fileName = event.getFileName() == null ? "file" : event.getFileName();
        String type = event.getContentType() == null ? "" : event.getContentType();
        try (InputStream in = event.getInputStream()) {
            byte[] bytes = in.readNBytes((int) MailTemplates.MAX_ATTACHMENT_BYTES + 1);
            ui.access(() -> {
                if (bytes.length > MailTemplates.MAX_ATTACHMENT_BYTES) {
                    TemplatesView.error("\"" + fileName + "\" is larger than 5 MB.");
                    return;
                }
                try {
                    templates.attach(id, new MailAttachment(fileName, type, bytes));
                    showFiles(templates.get(id).attachments());
                } catch (CrmException e) {
                    TemplatesView.error(e.getMessage());
                }
            });
        } catch (IOException e) {
            ui.access(() -> TemplatesView.error("The upload of \"" + fileName + "\" broke off: try again."));
        }
    }

    private void showFiles(List<TemplateAttachment> attached) {
        files.removeAll();
        if (id == 0) {
            files.add(new Span("Save the template first to add files."));
            return;
        }
        if (attached.isEmpty()) {
            files.add(new Span("No files."));
        }
        for (TemplateAttachment file : attached) {
            Button remove = new Button("Remove", e -> {
                try {
                    templates.detach(id, file.id());
                    showFiles(templates.get(id).attachments());
                } catch (CrmException ex) {
                    TemplatesView.error(ex.getMessage());
                }
            });
            remove.setId("email-template-file-remove-" + file.id());
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            HorizontalLayout row = new HorizontalLayout(new Span(file.name() + " (" + (file.size() + 1023) / 1024 + " KB)"),
                    remove);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            files.add(row);
        }
    }

    private void preview() {
        preview.removeAll();
        RecordRef record = previewRecord.getValue();
        if (record == null) {
            TemplatesView.error("Pick a record to merge the template with.");
            return;
        }
        try {
            RenderedMail mail = templates.render(subject.getValue(), html.getValue(), text.getValue(), record.recordType(),
                    record.id());
            Span merged = new Span("Subject: " + mail.subject());
            merged.setId("email-template-preview-subject");
            merged.getStyle().set("font-weight", "600");
            preview.add(merged);
            if (!mail.unknownFields().isEmpty()) {
                Span unknown = new Span("Unknown merge fields: " + String.join(", ", mail.unknownFields()));
                unknown.setId("email-template-preview-unknown");
                unknown.getStyle().set("color", "var(--lumo-error-text-color)");
                preview.add(unknown);
            }
            if (!mail.html().isBlank()) {
                IFrame frame = new IFrame();
                frame.setId("email-template-preview-html");
                frame.getElement().setAttribute("sandbox", "");
                frame.setSrcdoc(PREVIEW_POLICY + mail.html());
                frame.setWidthFull();
                frame.setHeight("18rem");
                frame.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("background", "white");
                preview.add(frame);
            }
            Pre plain = new Pre(mail.text());
            plain.setId("email-template-preview-text");
            plain.getStyle().set("white-space", "pre-wrap").set("max-height", "12rem").set("overflow", "auto");
            preview.add(plain);
        } catch (CrmException e) {
            TemplatesView.error(e.getMessage());
        }
    }
}
