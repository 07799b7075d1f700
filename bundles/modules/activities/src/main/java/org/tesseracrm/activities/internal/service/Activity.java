package org.tesseracrm.activities.internal.service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * An activity as its screens show it. Times are UTC, as the record platform stores them.
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
 * @param relatedTitle that record's title as the caller may see it ({@link ActivityService} fills it in at read
 *     time; the stored text is a neutral "Contact #12")
 * @param owner the user it belongs to
 */
public record Activity(long id, long version, Kind kind, String subject, LocalDateTime dueAt, Optional<LocalDateTime> endAt,
        String location, String priority, Optional<LocalDateTime> remindAt, String description, String meetingLink,
        String participants, boolean done, String relatedType, long relatedId, String relatedTitle, String owner) {

    /** The columns {@link #read} expects, in order. */
    static final String COLUMNS = "ID, VERSION, KIND, SUBJECT, DUE_AT, END_AT, LOCATION, PRIORITY, REMIND_AT, DESCRIPTION, "
            + "MEETING_LINK, PARTICIPANTS, DONE, RELATED_TYPE, RELATED_ID, RELATED_TITLE, OWNER";

    /**
     * @param rs a result positioned on a row selecting {@link #COLUMNS}
     * @return the activity
     * @throws SQLException if reading fails
     */
    static Activity read(ResultSet rs) throws SQLException {
        return new Activity(rs.getLong(1), rs.getLong(2), Kind.of(rs.getString(3)).orElse(Kind.TASK), rs.getString(4),
                rs.getTimestamp(5).toLocalDateTime(), time(rs.getTimestamp(6)), rs.getString(7), rs.getString(8),
                time(rs.getTimestamp(9)), rs.getString(10), rs.getString(11), rs.getString(12), rs.getBoolean(13),
                rs.getString(14), rs.getLong(15), rs.getString(16), rs.getString(17));
    }

    /**
     * @param related the title of the record it belongs to, as the caller may see it
     * @param taking its participants' titles, joined, as the caller may see them
     * @return this activity naming its records so
     */
    Activity shown(String related, String taking) {
        return new Activity(id, version, kind, subject, dueAt, endAt, location, priority, remindAt, description, meetingLink,
                taking, done, relatedType, relatedId, related, owner);
    }

    private static Optional<LocalDateTime> time(Timestamp stamp) {
        return Optional.ofNullable(stamp).map(Timestamp::toLocalDateTime);
    }
}
