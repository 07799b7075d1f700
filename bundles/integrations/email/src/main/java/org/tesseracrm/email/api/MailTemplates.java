package org.tesseracrm.email.api;

import java.util.List;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Templates with merge fields. Users with {@link MailAccounts#SEND} use them; {@link #MANAGE} creates and changes
 * shared ones; any sender keeps their own.
 *
 * <p>Merge fields: {@code $[Contacts.First Name]} (the record type's plural or singular label, or its id, then a
 * field's label or name, predefined or custom: {@code $[contact.firstName]} is the same field),
 * {@code $[Contacts.Company.Name]} (a field of the record a lookup field points at), {@code $[User.Name]},
 * {@code $[User.E-mail]} and {@code $[User.Signature]} (the sender's default mail account), and a fallback for an
 * empty value after a bar: {@code $[Contacts.First Name|there]}.
 */
@ProviderType
public interface MailTemplates {
    /** Permission to manage shared templates. */
    String MANAGE = "email.templates";
    /** Most files a template keeps. */
    int MAX_ATTACHMENTS = 5;
    /** Largest total size of a template's files: 5 MB (mail keeps room for a record's own files, e.g. a quote). */
    long MAX_ATTACHMENT_BYTES = 5L * 1024 * 1024;
    /** The content types a template's files may have. */
    Set<String> ATTACHMENT_TYPES = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif", "text/plain",
            "text/csv", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet");

    /**
     * @param recordType a record type, or {@code null} for every template
     * @return the templates the caller may use for that type (its own type's and the shared ones), by name; each
     *     is the caller's own or one every user may use
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link MailAccounts#SEND} or {@link #MANAGE}
     */
    List<MailTemplate> list(String recordType);

    /**
     * @param id a template
     * @return the template, with its attachments, if the caller may use it
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is none the caller may use
     */
    MailTemplate get(long id);

    /**
     * Creates or changes a template. Its HTML is sanitised (scripts, styles, event attributes, forms and frames
     * dropped); its files are kept as they are (see {@link #attach}).
     *
     * @param template the template ({@code id} 0 to create, {@code owner} {@code null} for a shared one, any other
     *     owner for the caller's own)
     * @return the saved template
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException for a shared template without {@link #MANAGE}, for
     *     one's own without {@link MailAccounts#SEND}
     * @throws org.tesseracrm.kernel.api.ValidationException for a blank name or subject, a name in use, or unknown
     *     merge fields (each named)
     * @throws org.tesseracrm.kernel.api.ConflictException for a stale version
     */
    MailTemplate save(MailTemplate template);

    /**
     * Deletes a template and its files.
     *
     * @param id a template the caller may change
     */
    void delete(long id);

    /**
     * Adds a file to a template.
     *
     * @param templateId a template the caller may change
     * @param file the file: one of {@link #ATTACHMENT_TYPES}, its content matching its type
     * @return the stored file
     * @throws org.tesseracrm.kernel.api.ValidationException for another type, an empty file, more than
     *     {@link #MAX_ATTACHMENTS} files or more than {@link #MAX_ATTACHMENT_BYTES} in all
     */
    TemplateAttachment attach(long templateId, MailAttachment file);

    /**
     * Removes a file from a template.
     *
     * @param templateId a template the caller may change
     * @param attachmentId one of its files
     */
    void detach(long templateId, long attachmentId);

    /**
     * Merges a template with a record the caller sees, as the caller (their signature, their time zone and locale).
     *
     * @param templateId a template the caller may use, of the record's type or shared
     * @param recordType the record's type
     * @param recordId the record
     * @return the merged mail, with the template's files
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the template or the record
     */
    RenderedMail render(long templateId, String recordType, long recordId);

    /**
     * Merges text written for one mail (the composer's own subject and body) with a record the caller sees, as
     * {@link #render(long, String, long)} merges a template's.
     *
     * @param subject a subject with merge fields
     * @param html an HTML body with merge fields, or {@code null} for none (it is sanitised first)
     * @param text a plain-text body with merge fields, or {@code null} to derive it from the HTML
     * @param recordType the record's type
     * @param recordId the record
     * @return the merged mail (no attachments); unknown fields are listed, not refused
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link MailAccounts#SEND}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the record
     */
    RenderedMail render(String subject, String html, String text, String recordType, long recordId);

    /**
     * @param recordType a record type, or blank for the user fields only
     * @return the merge fields offered for it, as inserted in a template, e.g. {@code $[Contacts.First Name]}: the
     *     type's fields (predefined and custom), the fields of the records its lookups point at, and the user's
     */
    List<String> mergeFields(String recordType);
}
