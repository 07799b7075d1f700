package org.tesseracrm.email.api;

/**
 * Event Admin topics the integration posts after commit. Properties: {@link #MESSAGE_ID}, {@link #RECORDS} (the
 * records as {@code type:id} texts), and for tracking events {@link #RECIPIENT}.
 */
public final class MailEvents {
    /** A message was handed to the SMTP server. */
    public static final String SENT = "org/tesseracrm/email/SENT";
    /** A message failed for good. */
    public static final String FAILED = "org/tesseracrm/email/FAILED";
    /** A message was captured and logged on records. */
    public static final String RECEIVED = "org/tesseracrm/email/RECEIVED";
    /** A delivery report came back for a sent message. */
    public static final String BOUNCED = "org/tesseracrm/email/BOUNCED";
    /** A recipient opened a tracked message (campaigns). */
    public static final String OPENED = "org/tesseracrm/email/OPENED";
    /** A recipient followed a tracked link (campaigns). */
    public static final String CLICKED = "org/tesseracrm/email/CLICKED";

    /** Property: the message id in the log (a {@code Long}). */
    public static final String MESSAGE_ID = "messageId";
    /** Property: the records, as {@code String[]} of {@code type:id}. */
    public static final String RECORDS = "records";
    /** Property: the recipient address. */
    public static final String RECIPIENT = "recipient";

    private MailEvents() {
    }
}
