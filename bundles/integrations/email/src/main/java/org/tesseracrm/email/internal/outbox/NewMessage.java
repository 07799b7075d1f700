package org.tesseracrm.email.internal.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.MailState;
import org.tesseracrm.kernel.api.record.RecordRef;

/**
 * A message to store, sent or captured.
 *
 * @param accountId the account
 * @param inbound captured (true) or sent (false)
 * @param state its state
 * @param messageId its Message-ID header (with the angle brackets)
 * @param inReplyTo its In-Reply-To header, blank if none
 * @param references its References header, blank if none
 * @param from the sender
 * @param to recipients
 * @param cc copy recipients
 * @param bcc blind copy recipients
 * @param subject the subject
 * @param html the HTML body or null
 * @param text the text body or null
 * @param headers extra headers
 * @param createdBy who queued it, or {@code system}
 * @param createdAt when it was queued or captured
 * @param sentAt when it was sent or received, null while queued
 * @param source what queued it, e.g. {@code record}, {@code capture}
 * @param attachments its files
 * @param records the records it is logged on
 */
public record NewMessage(long accountId, boolean inbound, MailState state, String messageId, String inReplyTo,
        String references, String from, List<String> to, List<String> cc, List<String> bcc, String subject, String html,
        String text, Map<String, String> headers, String createdBy, Instant createdAt, Instant sentAt, String source,
        List<MailAttachment> attachments, List<RecordRef> records) {
}
