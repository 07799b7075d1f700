package org.tesseracrm.email.internal.capture;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The settings of mail capture, PID {@value #PID} ({@code etc/org.tesseracrm.email.capture.cfg}). */
@ObjectClassDefinition(name = "Tessera e-mail capture", description = "How often and how much mail is read from the "
        + "IMAP mailboxes of the mail accounts.")
public @interface CaptureConfig {
    /** The configuration PID. */
    String PID = "org.tesseracrm.email.capture";

    /** @return the seconds between two looks at a mailbox */
    @AttributeDefinition(name = "Polling interval (seconds)", description = "Each capturing account's mailbox is "
            + "read this often (IMAP IDLE is not used: it needs a thread of its own per mailbox).", min = "10")
    int pollSeconds() default 60;

    /** @return the most messages read from one mailbox in one run */
    @AttributeDefinition(name = "Messages per run", description = "More new messages wait for the next run, which "
            + "then comes at once.", min = "1", max = "500")
    int messagesPerRun() default 50;

    /** @return the largest attachment stored */
    @AttributeDefinition(name = "Largest attachment (KB)", description = "Larger attachments are not stored; the "
            + "message names them.", min = "0")
    int attachmentKilobytes() default 5 * 1024;

    /** @return the largest total of the attachments stored for one message */
    @AttributeDefinition(name = "Attachments per message (KB)", min = "0")
    int messageKilobytes() default 10 * 1024;

    /** @return the connect and read timeout of the IMAP connection */
    @AttributeDefinition(name = "IMAP timeout (seconds)", min = "1", max = "120")
    int timeoutSeconds() default 20;
}
