package org.tesseracrm.email.internal.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.email.api.MailState;

/**
 * A row of CRM_EMAIL_MESSAGE as the module reads it (with the blind copies and extra headers, which users of the log
 * do not see).
 *
 * @param id the message
 * @param accountId the account it went through or came from
 * @param inbound captured (true) or sent (false)
 * @param state where it is
 * @param messageId its Message-ID header
 * @param inReplyTo its In-Reply-To header, blank if none
 * @param references its References header, blank if none
 * @param from the sender
 * @param to recipients
 * @param cc copy recipients
 * @param bcc blind copy recipients
 * @param subject the subject
 * @param html the HTML body or null
 * @param text the text body or null
 * @param headers extra headers sent with it
 * @param createdBy who queued it, or {@code system}
 * @param createdAt when it was queued or captured
 * @param sentAt when it was sent or received
 * @param attempts sending attempts made
 * @param firstAttemptAt the first attempt, if any
 * @param nextAttemptAt the next attempt, while queued after a failure
 * @param error the last error, blank if none
 * @param source what queued it
 */
public record StoredMessage(long id, long accountId, boolean inbound, MailState state, String messageId, String inReplyTo,
        String references, String from, List<String> to, List<String> cc, List<String> bcc, String subject, String html,
        String text, Map<String, String> headers, String createdBy, Instant createdAt, Optional<Instant> sentAt, int attempts,
        Optional<Instant> firstAttemptAt, Optional<Instant> nextAttemptAt, String error, String source) {
}
