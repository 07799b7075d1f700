package org.tesseracrm.email.internal.capture;

/** Records what a delivery report says about mail Tessera sent. */
interface BounceSink {
    /**
     * Marks the sent message as bounced for each recipient (once per report and recipient), suppresses the
     * addresses of hard bounces and announces {@code MailEvents.BOUNCED} after commit.
     *
     * @param messageId the sent message in the log
     * @param bounce the report
     * @return how many recipients were recorded (0 when the report was recorded before)
     */
    int bounced(long messageId, Bounce bounce);
}
