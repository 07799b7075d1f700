package org.tesseracrm.activities.internal.service;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * An activity as its screens show it: the record platform's row of {@code CRM_ACTIVITY}, typed ({@link #of}); the
 * module keeps no other model of the table. Times are UTC, as the record platform stores them.
 *
 * @param id the record id
 * @param version the optimistic-locking version
 * @param kind call, meeting, task, video check-in or video call
 * @param subject what it is about
 * @param dueAt when it is due, or when a meeting starts
 * @param endAt when a meeting ends, if set
 * @param location where a meeting is held, or empty
 * @param priority a task's priority (high, medium, low), or empty
 * @param remindAt when its reminder pops up, if it has one
 * @param description free text
 * @param meetingLink a video meeting's Teams or Zoom link, or empty
 * @param participants the participants' titles, joined, as the caller may see them
 * @param done whether it was completed
 * @param relatedType the record type of the record it belongs to, or empty
 * @param relatedId that record's id, or 0
 * @param relatedTitle that record's title as the caller may see it (filled in at read time by
 *     {@link ActivityReferenceTitles}; the stored text is a neutral "Contact #12")
 * @param owner the user it belongs to
 */
public record Activity(long id, long version, Kind kind, String subject, LocalDateTime dueAt, Optional<LocalDateTime> endAt,
        String location, String priority, Optional<LocalDateTime> remindAt, String description, String meetingLink,
        String participants, boolean done, String relatedType, long relatedId, String relatedTitle, String owner) {

    /**
     * @param row an activity as the record platform read it for the caller, its record's and participants' titles
     *     already filled in for them by {@link ActivityReferenceTitles}
     * @return the activity
     */
    public static Activity of(RecordRow row) {
        return new Activity(row.id(), row.version(), Kind.of(row.text("kind")).orElse(Kind.TASK), row.text("subject"),
                row.dateTime("dueAt").orElseThrow(() -> new IllegalStateException("Activity #" + row.id() + " has no due time")),
                row.dateTime("endAt"), row.text("location"), row.text("priority"), row.dateTime("remindAt"),
                row.text("description"), row.text("meetingLink"), row.text("participants"), row.bool("done").orElse(false),
                row.text("relatedType"), row.decimal("relatedId").map(BigDecimal::longValue).orElse(0L),
                row.text("relatedTitle"), row.text("owner"));
    }
}
