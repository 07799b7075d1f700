package org.tesseracrm.activities.internal.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

/**
 * The rules of an activity beyond its fields' types, checked by the record platform on every create
 * and change (form, inline edit, import, bulk update): a known kind and priority, an end after the
 * start, and for video meetings a Microsoft Teams or Zoom link.
 */
final class ActivityRules {
    /** Task priorities, highest first. */
    static final List<String> PRIORITIES = List.of("high", "medium", "low");
    private static final Set<String> TEAMS_HOSTS = Set.of("teams.microsoft.com", "teams.live.com");

    private ActivityRules() {
    }

    /**
     * @param values the activity's fields as they would be stored, typed as in a record row
     * @return one error per broken rule
     */
    static List<FieldError> check(Map<String, Object> values) {
        List<FieldError> errors = new ArrayList<>();
        String kindText = text(values.get("kind"));
        Kind kind = Kind.of(kindText).orElse(null);
        if (kind == null) {
            errors.add(new FieldError("kind", "Choose call, meeting, task, video check-in or video call (not \""
                    + kindText + "\")."));
        }
        String priority = text(values.get("priority")).toLowerCase(Locale.ROOT);
        if (!priority.isEmpty() && !PRIORITIES.contains(priority)) {
            errors.add(new FieldError("priority", "Priority is high, medium or low."));
        }
        if (values.get("endAt") instanceof LocalDateTime end && values.get("dueAt") instanceof LocalDateTime start
                && !end.isAfter(start)) {
            errors.add(new FieldError("endAt", "The end must come after the start."));
        }
        String link = text(values.get("meetingLink"));
        if (kind != null && kind.video()) {
            if (link.isEmpty()) {
                errors.add(new FieldError("meetingLink", "A video meeting needs its Microsoft Teams or Zoom link."));
            } else if (!videoLink(link)) {
                errors.add(new FieldError("meetingLink",
                        "Paste the meeting's Microsoft Teams (https://teams.microsoft.com/...) or Zoom (https://...zoom.us/...) link."));
            }
        }
        return errors;
    }

    /**
     * Checks an activity can be joined through the CRM: a video meeting with a Teams or Zoom link.
     *
     * @param kind the activity's kind
     * @param link its meeting link
     * @throws ValidationException if not
     */
    static void checkJoinable(Kind kind, String link) {
        if (!kind.video()) {
            throw new ValidationException(List.of(new FieldError("kind", "Only video check-ins and video calls are joined.")));
        }
        if (!videoLink(link)) {
            throw new ValidationException(List.of(new FieldError("meetingLink",
                    "This meeting has no Microsoft Teams or Zoom link to join.")));
        }
    }

    /**
     * What joining records (seed 000): a video check-in on a record counts as a visit, once; a video call
     * never does (it is recorded as a completed activity). Both are completed by joining.
     *
     * @param kind the joined meeting's kind
     * @param onRecord whether the meeting belongs to a record (the visited customer)
     * @param alreadyCheckedIn whether an earlier join recorded the check-in
     * @return whether this join records a check-in
     */
    static boolean joinChecksIn(Kind kind, boolean onRecord, boolean alreadyCheckedIn) {
        return kind == Kind.VIDEO_CHECKIN && onRecord && !alreadyCheckedIn;
    }

    /**
     * @param link a web address
     * @return whether it is an https link to a Microsoft Teams or Zoom meeting
     */
    static boolean videoLink(String link) {
        try {
            URI uri = new URI(link.strip());
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getUserInfo() == null
                    && (TEAMS_HOSTS.contains(host) || host.equals("zoom.us") || host.endsWith(".zoom.us"));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().strip();
    }
}
