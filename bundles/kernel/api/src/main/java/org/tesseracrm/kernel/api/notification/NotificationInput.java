package org.tesseracrm.kernel.api.notification;

import java.util.Objects;

/**
 * What a module sends: a title, a text, optionally a record the notification is about, and optionally a source
 * key. Build it with {@link #of(String, String)} and the {@code with...} methods, e.g.
 * {@code NotificationInput.of("Case PET-000123 is late", "Due 10:40, escalated to you").withRecord("case", 123)
 * .withSource("cases.escalation:123:level2")}.
 *
 * @param title one line, at most {@value Notifications#MAX_TITLE} characters, required; plain text
 * @param text the body, at most {@value Notifications#MAX_TEXT} characters, "" for none; plain text (never HTML)
 * @param recordType the record type of the linked record, e.g. {@code case}, "" for no link
 * @param recordId the id of the linked record, 0 for no link
 * @param source a key naming what caused the notification, e.g. {@code cases.escalation:123:level2}, at most
 *     {@value Notifications#MAX_SOURCE} characters, "" for none: a second notification with the same source for the
 *     same user is not stored (see {@link Notifications#notify})
 */
public record NotificationInput(String title, String text, String recordType, long recordId, String source) {
    /** Checks the parts are present (their lengths are checked by {@link Notifications#notify}). */
    public NotificationInput {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(source, "source");
    }

    /**
     * @param title the title
     * @param text the body, "" for none
     * @return a notification without record link and without source key
     */
    public static NotificationInput of(String title, String text) {
        return new NotificationInput(title, text, "", 0, "");
    }

    /**
     * @param type the record type id of the record the notification is about
     * @param id its id
     * @return this input linking that record
     */
    public NotificationInput withRecord(String type, long id) {
        return new NotificationInput(title, text, type, id, source);
    }

    /**
     * @param key the source key making the send idempotent per user
     * @return this input with that source key
     */
    public NotificationInput withSource(String key) {
        return new NotificationInput(title, text, recordType, recordId, key);
    }

    /** @return whether the notification links a record */
    public boolean hasRecord() {
        return !recordType.isEmpty() && recordId > 0;
    }
}
