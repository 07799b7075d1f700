package org.tesseracrm.email.internal.compose;

import java.util.List;

import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.MailMessage;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.email.api.RenderedMail;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRef;

/**
 * A message posted to the REST API: free text, or a template rendered for the record (the request's subject and
 * bodies, when given, win over the template's), handed to the {@link Composer} with source {@value #SOURCE}.
 */
public final class MessageRequests {
    /** The source of mail sent through the API. */
    public static final String SOURCE = "api";

    private final MailTemplates templates;
    private final Composer composer;

    /**
     * @param templates renders a template for the record
     * @param composer checks and queues the message
     */
    public MessageRequests(MailTemplates templates, Composer composer) {
        this.templates = templates;
        this.composer = composer;
    }

    /**
     * A posted message.
     *
     * @param account the account id, or null for the caller's default
     * @param to recipients
     * @param cc copy recipients
     * @param bcc blind copy recipients
     * @param subject the subject, or null
     * @param html the HTML body, or null
     * @param text the text body, or null
     * @param templateId a template, or null
     * @param record the record written from, or null
     * @param records further records to log it on
     * @param attachments ids of the record's files
     */
    public record Input(Long account, List<String> to, List<String> cc, List<String> bcc, String subject,
            String html, String text, Long templateId, RecordRef record, List<RecordRef> records,
            List<Long> attachments) {
    }

    /**
     * @param input the message
     * @return it, queued
     */
    public MailMessage send(Input input) {
        String subject = input.subject();
        String html = input.html();
        String text = input.text();
        List<MailAttachment> templateFiles = List.of();
        if (input.templateId() != null) {
            if (input.record() == null) {
                throw new ValidationException(List.of(new FieldError("record",
                        "A template is rendered for a record: name the record.")));
            }
            RenderedMail mail = templates.render(input.templateId(), input.record().recordType(), input.record().id());
            subject = blank(subject) ? mail.subject() : subject;
            templateFiles = mail.attachments();
            if (blank(html) && blank(text)) {
                html = mail.html();
                text = mail.text();
            }
        }
        if (blank(html) && blank(text)) {
            throw new ValidationException(List.of(new FieldError("html", "Give the message a body (html or text), "
                    + "or a templateId.")));
        }
        return composer.send(new ComposeRequest(input.account(), joined(input.to()), joined(input.cc()),
                joined(input.bcc()), subject, blank(html) ? null : html, blank(text) ? null : text, input.record(),
                input.records(), input.attachments(), templateFiles, SOURCE));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String joined(List<String> addresses) {
        return addresses == null ? "" : String.join(", ", addresses);
    }
}
