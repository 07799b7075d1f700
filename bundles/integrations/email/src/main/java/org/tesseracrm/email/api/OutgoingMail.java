package org.tesseracrm.email.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.tesseracrm.kernel.api.record.RecordRef;

/**
 * A message to queue. Build it with {@link #to(List, String)} and the {@code with...} methods.
 *
 * @param accountId the account to send through, or {@code null} for the caller's {@link MailAccounts#defaultAccount()}
 * @param to recipients (at least one address across to, cc and bcc)
 * @param cc copy recipients
 * @param bcc blind copy recipients
 * @param subject the subject (one line)
 * @param html the HTML part, or {@code null} for plain text only
 * @param text the plain-text part, or {@code null} to derive it from the HTML
 * @param attachments files to attach
 * @param records the records the message is logged on (the record it was written from, and each matching contact)
 * @param headers extra headers, e.g. {@code List-Unsubscribe} of a campaign
 * @param source what queued it, e.g. {@code record}, {@code bulk}, {@code automation}, {@code campaign:42}
 */
public record OutgoingMail(Long accountId, List<String> to, List<String> cc, List<String> bcc, String subject,
        String html, String text, List<MailAttachment> attachments, List<RecordRef> records,
        Map<String, String> headers, String source) {

    /** Copies the lists and checks the parts are present. */
    public OutgoingMail {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
        Objects.requireNonNull(subject, "subject");
        attachments = List.copyOf(attachments);
        records = List.copyOf(records);
        headers = Map.copyOf(headers);
        Objects.requireNonNull(source, "source");
    }

    /**
     * @param to the recipients
     * @param subject the subject
     * @return a message to them with no body yet, from the default account, queued by a user from a record
     */
    public static OutgoingMail to(List<String> to, String subject) {
        return new OutgoingMail(null, to, List.of(), List.of(), subject, null, null, List.of(), List.of(), Map.of(),
                "record");
    }

    /** @return this message with the given bodies */
    public OutgoingMail withBody(String newHtml, String newText) {
        return new OutgoingMail(accountId, to, cc, bcc, subject, newHtml, newText, attachments, records, headers,
                source);
    }

    /** @return this message through another account */
    public OutgoingMail withAccount(Long newAccountId) {
        return new OutgoingMail(newAccountId, to, cc, bcc, subject, html, text, attachments, records, headers,
                source);
    }

    /** @return this message with copy and blind copy recipients */
    public OutgoingMail withCopies(List<String> newCc, List<String> newBcc) {
        return new OutgoingMail(accountId, to, newCc, newBcc, subject, html, text, attachments, records, headers,
                source);
    }

    /** @return this message with attachments */
    public OutgoingMail withAttachments(List<MailAttachment> newAttachments) {
        return new OutgoingMail(accountId, to, cc, bcc, subject, html, text, newAttachments, records, headers,
                source);
    }

    /** @return this message logged on these records */
    public OutgoingMail withRecords(List<RecordRef> newRecords) {
        return new OutgoingMail(accountId, to, cc, bcc, subject, html, text, attachments, newRecords, headers,
                source);
    }

    /** @return this message with extra headers and a source */
    public OutgoingMail withHeaders(Map<String, String> newHeaders, String newSource) {
        return new OutgoingMail(accountId, to, cc, bcc, subject, html, text, attachments, records, newHeaders,
                newSource);
    }
}
