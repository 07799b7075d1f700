package org.tesseracrm.email.api;

import java.util.List;

/**
 * A template merged with a record, ready to send or to show as a preview.
 *
 * @param subject the merged subject (plain text, one line: line breaks in merged values become spaces)
 * @param html the merged HTML body, every merged value HTML-escaped (the sender's signature is sanitised HTML)
 * @param text the merged plain-text body
 * @param unknownFields merge fields the template names that the record type has not (shown in the preview)
 * @param attachments the template's files, to attach to the mail (empty for ad-hoc text)
 */
public record RenderedMail(String subject, String html, String text, List<String> unknownFields,
        List<MailAttachment> attachments) {

    /** Copies the lists. */
    public RenderedMail {
        unknownFields = unknownFields == null ? List.of() : List.copyOf(unknownFields);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A merged mail without attachments. */
    public RenderedMail(String subject, String html, String text, List<String> unknownFields) {
        this(subject, html, text, unknownFields, List.of());
    }
}
