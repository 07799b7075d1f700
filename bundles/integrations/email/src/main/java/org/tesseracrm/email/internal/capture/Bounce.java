package org.tesseracrm.email.internal.capture;

import java.util.List;
import java.util.Optional;

/**
 * A delivery status notification read from a mailbox.
 *
 * @param reportId the report's own Message-ID (or header hash): a report read twice is recorded once
 * @param originalMessageId the Message-ID of the message that could not be delivered, from the returned headers
 * @param recipients the recipients it failed for (or was delayed for)
 */
record Bounce(String reportId, Optional<String> originalMessageId, List<Recipient> recipients) {
    /** Copies the list. */
    Bounce {
        recipients = List.copyOf(recipients);
    }

    /**
     * One failed recipient.
     *
     * @param address the address, lower case
     * @param status the enhanced status code, e.g. {@code 5.1.1}
     * @param diagnostic what the receiving server said, "" if nothing
     */
    record Recipient(String address, String status, String diagnostic) {
        /** @return whether the failure is permanent (a 5.x.x status): the address is suppressed */
        boolean hard() {
            return status.startsWith("5");
        }
    }
}
