package org.tesseracrm.email.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The outbox. {@link #queue} stores the message in the caller's transaction and a durable kernel timer sends it after
 * commit, retrying with back-off while the server is unreachable: nothing is lost on a restart, and a message that
 * failed for good stays in the log with its error.
 */
@ProviderType
public interface Mailer {
    /** Largest total size of a message's attachments: 10 MB. */
    long MAX_ATTACHMENTS_BYTES = 10L * 1024 * 1024;
    /** Most recipients (to, cc and bcc together) of one message. */
    int MAX_RECIPIENTS = 100;

    /**
     * Queues a message and logs it on its records.
     *
     * @param mail the message
     * @return the queued message (state {@link MailState#QUEUED}, or {@link MailState#SKIPPED} when every recipient
     *     unsubscribed)
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link MailAccounts#SEND}, or for an account
     *     the caller may not use
     * @throws org.tesseracrm.kernel.api.NotFoundException for records the caller does not see
     * @throws org.tesseracrm.kernel.api.ValidationException for bad addresses, no recipient, too many recipients or
     *     attachments over the bound, or no account to send through ("Set up a mail account first")
     */
    MailMessage queue(OutgoingMail mail);

    /**
     * Puts a failed message back in the outbox.
     *
     * @param messageId a failed message the caller queued, or any with {@link MailAccounts#MANAGE}
     * @return the message, queued again
     */
    MailMessage retry(long messageId);
}
