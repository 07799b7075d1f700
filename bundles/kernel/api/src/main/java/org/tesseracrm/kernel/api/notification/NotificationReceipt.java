package org.tesseracrm.kernel.api.notification;

/**
 * The answer to {@link Notifications#notify}.
 *
 * @param id the id of the stored notification: the new one, or the one stored earlier with the same source key
 * @param created whether this call stored it (false when the source key was already there for that user)
 */
public record NotificationReceipt(long id, boolean created) {
}
