package org.tesseracrm.kernel.api.notification;

import java.time.Instant;
import java.util.Objects;

/**
 * A notification as its recipient sees it.
 *
 * @param id the notification's id
 * @param title its title
 * @param text its body, "" if none
 * @param recordType the type of the linked record, "" if none
 * @param recordId the id of the linked record, 0 if none
 * @param recordTitle what to show for the linked record: its title if the recipient may see it, otherwise a neutral
 *     name that gives nothing away (e.g. "Case #12"); "" if no record is linked
 * @param source the source key it was sent with, "" if none
 * @param createdAt when it was sent
 * @param read whether the recipient has marked it read
 */
public record Notification(long id, String title, String text, String recordType, long recordId, String recordTitle,
        String source, Instant createdAt, boolean read) {
    /** Checks the parts are present. */
    public Notification {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordTitle, "recordTitle");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** @return whether it links a record */
    public boolean hasRecord() {
        return !recordType.isEmpty() && recordId > 0;
    }
}
