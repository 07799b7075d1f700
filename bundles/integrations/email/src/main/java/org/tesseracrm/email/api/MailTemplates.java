package org.tesseracrm.email.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Templates with merge fields. Users with {@link MailAccounts#SEND} use them; {@link #MANAGE} creates and changes
 * shared ones; any sender keeps their own.
 */
@ProviderType
public interface MailTemplates {
    /** Permission to manage shared templates. */
    String MANAGE = "email.templates";

    /**
     * @param recordType a record type, or {@code null} for every template
     * @return the templates the caller may use for that type (its own type's and the shared ones), by name
     */
    List<MailTemplate> list(String recordType);

    /** @return the template, if the caller may use it */
    MailTemplate get(long id);

    /**
     * @param template the template ({@code id} 0 to create, {@code owner} {@code null} for a shared one)
     * @return the saved template
     * @throws org.tesseracrm.kernel.api.ValidationException for a blank name or subject, a name in use, or unknown
     *     merge fields (each named)
     */
    MailTemplate save(MailTemplate template);

    /** Deletes a template. */
    void delete(long id);

    /**
     * Merges a template with a record the caller sees, as the caller (their signature, their time zone and locale).
     *
     * @param templateId the template
     * @param recordType the record's type
     * @param recordId the record
     * @return the merged mail
     */
    RenderedMail render(long templateId, String recordType, long recordId);

    /**
     * @param recordType a record type
     * @return the merge fields offered for it, as inserted in a template, e.g. {@code $[Contacts.First Name]}
     */
    List<String> mergeFields(String recordType);
}
