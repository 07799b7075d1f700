package org.tesseracrm.email.api;

import java.time.Instant;
import java.util.List;

import org.tesseracrm.kernel.api.record.RecordRef;

/**
 * A message of the log: queued, sent, failed or captured.
 *
 * @param id the message
 * @param accountId the account it went through or came from
 * @param state where it is
 * @param inbound whether it was captured (true) or sent (false)
 * @param messageId its {@code Message-ID} header (threads replies back)
 * @param from the sender
 * @param to recipients
 * @param cc copy recipients
 * @param subject the subject
 * @param html the HTML body (sanitised for captured mail), may be {@code null}
 * @param text the plain-text body, may be {@code null}
 * @param attachments names of the attached files
 * @param records the records it is logged on, as the caller sees them
 * @param createdBy the user who queued it, or {@code system}
 * @param createdAt when it was queued or captured
 * @param sentAt when it was sent or received, {@code null} while queued
 * @param attempts sending attempts made
 * @param error the last error, blank if none
 * @param source what queued it (see {@link OutgoingMail#source()})
 */
public record MailMessage(long id, Long accountId, MailState state, boolean inbound, String messageId, String from,
        List<String> to, List<String> cc, String subject, String html, String text, List<String> attachments,
        List<RecordRef> records, String createdBy, Instant createdAt, Instant sentAt, int attempts, String error,
        String source) {
}
