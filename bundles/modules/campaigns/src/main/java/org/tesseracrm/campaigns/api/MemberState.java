package org.tesseracrm.campaigns.api;

/** Where a member's mail is. */
public enum MemberState {
    /** Not handled yet: the campaign has not reached the member. */
    PENDING,
    /** Handed to the outbox ({@code Mailer.queue}). */
    QUEUED,
    /** Handed to the SMTP server (the outbox's {@code SENT} event). */
    SENT,
    /** Not sent: the mail could not be made or queued, or failed for good; {@code error} says why. */
    FAILED,
    /** Not sent: the address is suppressed (unsubscribed or bounced before) or the record is gone. */
    SKIPPED
}
