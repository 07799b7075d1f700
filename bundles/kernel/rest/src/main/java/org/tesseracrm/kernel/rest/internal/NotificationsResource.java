package org.tesseracrm.kernel.rest.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.notification.Notification;
import org.tesseracrm.kernel.api.notification.Notifications;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/notifications}: the token user's own in-app notifications, as the bell shows them. Nobody reads or
 * marks another user's: another user's id answers 404 like an id that does not exist.
 */
@Component(service = NotificationsResource.class)
@JakartarsResource
@JakartarsName("tessera.notifications")
@JakartarsExtensionSelect(JsonProvider.SELECT)
@Path("v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {
    /** How many {@code GET} answers without {@code limit}. */
    static final int DEFAULT_LIMIT = 50;

    private final Notifications notifications;

    /** @param notifications the caller's notifications */
    @Activate
    public NotificationsResource(@Reference Notifications notifications) {
        this.notifications = notifications;
    }

    /**
     * @param limit how many, 1 to {@value Notifications#MAX_LIST}; default {@value #DEFAULT_LIMIT}
     * @return the newest notifications first, unread and read
     */
    @GET
    public List<NotificationView> list(@QueryParam("limit") String limit) {
        return notifications.mine(limit(limit)).stream().map(NotificationView::of).toList();
    }

    /** @return how many are unread */
    @GET
    @Path("unread-count")
    public Count unreadCount() {
        return new Count(notifications.unreadCount());
    }

    /**
     * Marks one read (again is fine).
     *
     * @param id the notification's id
     * @return how many are still unread
     */
    @POST
    @Path("{id}/read")
    public Count read(@PathParam("id") long id) {
        notifications.markRead(id);
        return new Count(notifications.unreadCount());
    }

    /** @return how many were unread and are read now */
    @POST
    @Path("read-all")
    public Marked readAll() {
        return new Marked(notifications.markAllRead());
    }

    /** @return the limit asked for, or the default; refused outside 1 to {@value Notifications#MAX_LIST} */
    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= Notifications.MAX_LIST) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ValidationException(List.of(new FieldError("limit", "Give a whole number from 1 to "
                + Notifications.MAX_LIST + ".")));
    }

    /**
     * One notification.
     *
     * @param id its id
     * @param title its title
     * @param text its body, "" if none
     * @param record the record it links, absent if none
     * @param source the key it was sent with, absent if none
     * @param createdAt when it was sent (ISO-8601, UTC)
     * @param read whether it was marked read
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NotificationView(long id, String title, String text, RecordLink record, String source, String createdAt,
            boolean read) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.title(), n.text(),
                    n.hasRecord() ? new RecordLink(n.recordType(), n.recordId(), n.recordTitle()) : null,
                    n.source().isEmpty() ? null : n.source(), n.createdAt().toString(), n.read());
        }
    }

    /**
     * A linked record.
     *
     * @param type its record type
     * @param id its id
     * @param title its title if the caller may see it, else a neutral name such as "Case #12"
     */
    public record RecordLink(String type, long id, String title) {
    }

    /** @param unread how many notifications are unread */
    public record Count(int unread) {
    }

    /** @param marked how many were unread and are read now */
    public record Marked(int marked) {
    }
}
