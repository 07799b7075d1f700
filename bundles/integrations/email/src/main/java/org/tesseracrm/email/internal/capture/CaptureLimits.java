package org.tesseracrm.email.internal.capture;

/**
 * The bounds of one capture run.
 *
 * @param messagesPerRun at most this many messages are read from a mailbox in one run; the rest wait for the next
 * @param attachmentBytes an attachment larger than this is not stored (the message notes it)
 * @param messageBytes the attachments stored for one message add up to at most this
 * @param bodyChars the text and the HTML body are each cut at this many characters (the message notes it)
 */
record CaptureLimits(int messagesPerRun, long attachmentBytes, long messageBytes, int bodyChars) {
    /** The defaults: 50 messages a run, 5 MB an attachment, 10 MB a message, 256 K characters a body. */
    static final CaptureLimits DEFAULT = new CaptureLimits(50, 5L * 1024 * 1024, 10L * 1024 * 1024, 256 * 1024);

    /** Checks the bounds. */
    CaptureLimits {
        if (messagesPerRun < 1 || attachmentBytes < 0 || messageBytes < 0 || bodyChars < 1) {
            throw new IllegalArgumentException("Capture bounds must be positive");
        }
    }

    static CaptureLimits of(CaptureConfig config) {
        return new CaptureLimits(config.messagesPerRun(), config.attachmentKilobytes() * 1024L,
                config.messageKilobytes() * 1024L, DEFAULT.bodyChars());
    }
}
