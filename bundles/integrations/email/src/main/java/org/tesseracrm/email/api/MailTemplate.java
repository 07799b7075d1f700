package org.tesseracrm.email.api;

import java.util.List;

/**
 * A template: subject and bodies with merge fields such as {@code $[Contacts.First Name]} or
 * {@code $[Contacts.First Name|there]} (a fallback for an empty value).
 *
 * @param id the template
 * @param name what users pick, unique
 * @param recordType the record type whose fields it merges (its module), or blank for a shared template that merges
 *     only user fields
 * @param subject the subject with merge fields
 * @param html the HTML body with merge fields (sanitised when saved)
 * @param text the plain-text body, blank to derive it from the HTML
 * @param owner the user who made it, {@code null} for one every user may use
 * @param version optimistic-lock version
 * @param attachments the files attached to every mail made from it (ignored by {@link MailTemplates#save}: see
 *     {@link MailTemplates#attach})
 */
public record MailTemplate(long id, String name, String recordType, String subject, String html, String text,
        String owner, long version, List<TemplateAttachment> attachments) {

    /** Copies the attachments. */
    public MailTemplate {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A template without attachments, e.g. one to save. */
    public MailTemplate(long id, String name, String recordType, String subject, String html, String text,
            String owner, long version) {
        this(id, name, recordType, subject, html, text, owner, version, List.of());
    }
}
