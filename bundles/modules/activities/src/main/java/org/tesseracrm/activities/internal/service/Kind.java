package org.tesseracrm.activities.internal.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an activity is. The two video kinds are meetings held over Microsoft Teams or Zoom; they
 * differ in what joining them records (seed 000): a video check-in counts as a visit, a video call as
 * an ordinary activity. The kind is stored explicitly so reports can count them apart.
 */
public enum Kind {
    /** A phone call. */
    CALL("call", "Call"),
    /** A meeting in person. */
    MEETING("meeting", "Meeting"),
    /** A task with a priority. */
    TASK("task", "Task"),
    /** An online meeting that counts as a visit once joined. */
    VIDEO_CHECKIN("video-checkin", "Video check-in"),
    /** An online meeting that counts as an activity once joined. */
    VIDEO_CALL("video-call", "Video call");

    private final String id;
    private final String label;

    Kind(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** @return the stored value, e.g. {@code video-checkin} */
    public String id() {
        return id;
    }

    /** @return what users see */
    public String label() {
        return label;
    }

    /** @return whether it has a start and an end, a location or a meeting link */
    public boolean meeting() {
        return this == MEETING || video();
    }

    /** @return whether it is held online and joined through the CRM */
    public boolean video() {
        return this == VIDEO_CHECKIN || this == VIDEO_CALL;
    }

    /**
     * @param id a stored value, any case
     * @return the kind, if there is one
     */
    public static Optional<Kind> of(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted) || k.label.equalsIgnoreCase(wanted)).findFirst();
    }
}
