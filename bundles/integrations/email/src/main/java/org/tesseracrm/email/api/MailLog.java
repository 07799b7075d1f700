package org.tesseracrm.email.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The mail logged on records, sent and captured, and the captured mail that matched no record.
 */
@ProviderType
public interface MailLog {
    /**
     * @param recordType a record type
     * @param recordId a record the caller sees
     * @return the record's mail, newest first (at most 200)
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the record
     */
    List<MailMessage> forRecord(String recordType, long recordId);

    /**
     * @param messageId a message logged on a record the caller sees, or one the caller queued or may file
     * @return the message
     * @throws org.tesseracrm.kernel.api.NotFoundException otherwise
     */
    MailMessage get(long messageId);

    /**
     * @param state the state wanted
     * @param limit at most this many, newest first
     * @return the caller's messages in that state (every user's with {@link MailAccounts#MANAGE})
     */
    List<MailMessage> list(MailState state, int limit);

    /**
     * Files an unmatched captured message on a record.
     *
     * @param messageId an {@link MailState#UNMATCHED} message of a mailbox the caller may use
     * @param recordType the record's type
     * @param recordId a record the caller may edit
     * @return the message, now {@link MailState#RECEIVED} and logged on the record
     */
    MailMessage file(long messageId, String recordType, long recordId);
}
