package org.tesseracrm.email.internal.capture;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.tesseracrm.email.api.MailAttachment;

/**
 * A message read from a mailbox, parsed and bounded, before it is stored.
 *
 * @param messageId its {@code Message-ID} header ({@code <...>}), or for a message without one a stable hash of its
 *     headers ({@code <sha256-...@capture.tessera>}): the key that keeps it from being stored twice in an account
 * @param threadIds the Message-IDs its {@code In-Reply-To} and {@code References} headers name, most recent first
 * @param from the sender's address, lower case ("" if none)
 * @param fromName the sender's name, "" if none
 * @param to the recipients' addresses, lower case
 * @param cc the copy recipients' addresses, lower case
 * @param subject the subject, "" if none
 * @param sentAt the {@code Date} header, or when it was read
 * @param html the HTML body sanitised (no scripts, no remote images), or {@code null}
 * @param text the text body (from the HTML when the message has none), or {@code null}
 * @param attachments the attachments stored, within the bounds
 * @param notes what was left out, for users (e.g. an attachment over the bound)
 */
record CapturedMail(String messageId, List<String> threadIds, String from, String fromName, List<String> to,
        List<String> cc, String subject, Instant sentAt, String html, String text, List<MailAttachment> attachments,
        List<String> notes) {
    /** Copies the lists. */
    CapturedMail {
        Objects.requireNonNull(messageId, "messageId");
        threadIds = List.copyOf(threadIds);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
        notes = List.copyOf(notes);
    }

    /** @return the attachments' names, for the log */
    List<String> attachmentNames() {
        return attachments.stream().map(MailAttachment::name).toList();
    }

    /** @return the text body followed by the notes, as stored when the store has no place of its own for notes */
    String textWithNotes() {
        if (notes.isEmpty()) {
            return text;
        }
        return (text == null ? "" : text + "\n\n") + "[" + String.join("] [", notes) + "]";
    }
}
