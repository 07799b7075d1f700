package org.tesseracrm.email.api;

/**
 * A template: subject and bodies with merge fields such as {@code $[Contacts.First Name]} or
 * {@code $[Contacts.First Name|there]} (a fallback for an empty value).
 *
 * @param id the template
 * @param name what users pick, unique
 * @param recordType the record type whose fields it merges (its module), or blank for a shared template that merges
 *     only user and organisation fields
 * @param subject the subject with merge fields
 * @param html the HTML body with merge fields (sanitised when saved)
 * @param text the plain-text body, blank to derive it from the HTML
 * @param owner the user who made it, {@code null} for one every user may use
 * @param version optimistic-lock version
 */
public record MailTemplate(long id, String name, String recordType, String subject, String html, String text,
        String owner, long version) {
}
