package org.tesseracrm.kernel.api.notification;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The kernel's in-app notifications. Modules send them with {@link #notify}; the signed-in user reads and marks
 * their own with the other methods (the bell in the top bar and {@code /api/v1/notifications} call them). Nobody
 * reads or marks another user's notifications, administrators included.
 *
 * <p>After a notification is stored and the transaction commits, the service posts an Event Admin event on
 * {@link #TOPIC} with {@link #EVENT_USERNAME} and {@link #EVENT_ID}; the bell of each open session of the recipient
 * listens to it and updates by server push.
 *
 * <p>Storage keeps at most {@value #KEPT_PER_USER} notifications per user and drops read ones older than
 * {@value #READ_KEPT_DAYS} days; both are applied when a notification is stored for that user.
 */
@ProviderType
public interface Notifications {
    /** Event Admin topic posted after commit for every stored notification. */
    String TOPIC = "org/tesseracrm/notification/CREATED";
    /** Event property: the recipient's user name (filter on it: {@code (notification.username=anna)}). */
    String EVENT_USERNAME = "notification.username";
    /** Event property: the new notification's id (a {@code Long}). */
    String EVENT_ID = "notification.id";
    /** The longest title, in characters. */
    int MAX_TITLE = 200;
    /** The longest text, in characters. */
    int MAX_TEXT = 2000;
    /** The longest source key, in characters. */
    int MAX_SOURCE = 200;
    /** How many notifications are kept per user; older ones are dropped when new ones arrive. */
    int KEPT_PER_USER = 500;
    /** Read notifications older than this many days are dropped when the user gets a new one. */
    int READ_KEPT_DAYS = 90;
    /** The most {@link #mine} returns at once. */
    int MAX_LIST = 200;

    /**
     * Sends a notification to a user. It needs no permission of the caller: modules send on behalf of the system
     * (escalation on a timer, automation), and the recipient's right to see a linked record is checked when they
     * read it, not here. It joins the caller's transaction ({@code TransactionScope}), so a rolled-back change sends
     * nothing, and the live event is posted only after commit.
     *
     * <p>With a source key, the same key for the same user is stored once: a second call (a timer retried after a
     * restart) stores nothing and answers the earlier notification's id with {@code created = false}. A key stays
     * known as long as its notification is kept (see {@link #KEPT_PER_USER}, {@link #READ_KEPT_DAYS}).
     *
     * @param username the recipient, an existing user
     * @param input title, text, optional record link and source key
     * @return the notification's id and whether this call stored it
     * @throws org.tesseracrm.kernel.api.ValidationException for an unknown user (field {@code username}), a blank
     *     or too long title, a too long text or source, or a record link with a type but no id or the other way
     */
    NotificationReceipt notify(String username, NotificationInput input);

    /**
     * @param limit how many, 1 to {@value #MAX_LIST} (outside that range it is clamped)
     * @return the signed-in user's notifications, newest first, unread and read
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without a signed-in user (the system has none)
     */
    List<Notification> mine(int limit);

    /**
     * @return how many of the signed-in user's notifications are unread
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without a signed-in user
     */
    int unreadCount();

    /**
     * Marks one of the signed-in user's notifications read (again is fine).
     *
     * @param id the notification's id
     * @throws org.tesseracrm.kernel.api.NotFoundException if there is no such notification of the signed-in user
     *     (another user's is not found either, so its existence gives nothing away)
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without a signed-in user
     */
    void markRead(long id);

    /**
     * Marks every notification of the signed-in user read.
     *
     * @return how many were unread
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without a signed-in user
     */
    int markAllRead();
}
