package org.tesseracrm.email.internal.capture;

import java.util.List;
import java.util.Optional;

import org.tesseracrm.email.api.MailState;
import org.tesseracrm.kernel.api.record.RecordRef;

/** Where captured mail is stored: the message log of the outbox, seen through what capture needs of it. */
interface CaptureSink {
    /**
     * Stores a captured message and logs it on its records (an activity on each, as for sent mail).
     *
     * @param accountId the account it came from
     * @param mail the message
     * @param state {@code RECEIVED} when it matched records, else {@code UNMATCHED}
     * @param records the records it matched, empty for an unmatched one
     * @return the stored message's id, empty when the account already holds a message with its Message-ID
     */
    Optional<Long> insert(long accountId, CapturedMail mail, MailState state, List<RecordRef> records);

    /**
     * @param messageIds Message-ID headers, from a reply's thread headers
     * @return the records the first of them that Tessera sent is logged on, empty if it sent none of them
     */
    List<RecordRef> recordsOfSent(List<String> messageIds);

    /**
     * @param messageId the Message-ID header of a message
     * @return the id in the log of the message Tessera sent with it
     */
    Optional<Long> sentMessage(String messageId);
}
