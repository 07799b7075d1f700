package org.tesseracrm.email.api;

/** Where a message is. */
public enum MailState {
    /** In the outbox, waiting for its turn or for a retry after a failure. */
    QUEUED,
    /** Handed to the SMTP server. */
    SENT,
    /** Given up after its last retry, or refused for good (bad address, account gone); {@code error} says why. */
    FAILED,
    /** Not sent: the recipient unsubscribed, or the account was disabled. */
    SKIPPED,
    /** Captured from a mailbox and logged on the records it matched. */
    RECEIVED,
    /** Captured from a mailbox, matched no record: waits for a user to file it or make a lead of it. */
    UNMATCHED
}
