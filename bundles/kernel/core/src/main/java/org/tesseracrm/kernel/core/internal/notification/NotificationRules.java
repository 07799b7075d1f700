package org.tesseracrm.kernel.core.internal.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.notification.NotificationInput;
import org.tesseracrm.kernel.api.notification.Notifications;

/** What a notification must look like to be stored, and which stored ones retention drops. Pure functions. */
final class NotificationRules {
    /** A record type id, as the record platform names types. */
    private static final Pattern RECORD_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,29}");

    private NotificationRules() {
    }

    /**
     * @param username the recipient as given
     * @param input what a module sends
     * @return the input as stored: title and source stripped of surrounding blanks
     * @throws ValidationException naming every wrong part, with what to do about it
     */
    static NotificationInput checked(String username, NotificationInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (username == null || username.isBlank()) {
            errors.add(new FieldError("username", "Name the user who gets the notification."));
        }
        if (input == null) {
            errors.add(new FieldError("title", "A notification needs a title."));
            throw new ValidationException(errors);
        }
        String title = input.title().strip();
        if (title.isEmpty()) {
            errors.add(new FieldError("title", "A notification needs a title."));
        } else if (title.length() > Notifications.MAX_TITLE) {
            errors.add(new FieldError("title", tooLong(Notifications.MAX_TITLE, title.length())));
        }
        if (input.text().length() > Notifications.MAX_TEXT) {
            errors.add(new FieldError("text", tooLong(Notifications.MAX_TEXT, input.text().length())));
        }
        String source = input.source().strip();
        if (source.length() > Notifications.MAX_SOURCE) {
            errors.add(new FieldError("source", tooLong(Notifications.MAX_SOURCE, source.length())));
        }
        boolean typed = !input.recordType().isEmpty();
        if (typed != input.recordId() > 0) {
            errors.add(new FieldError("record", typed ? "Give the id of the " + input.recordType()
                    + " the notification is about, or no record type." : "Give the record type of record "
                    + input.recordId() + ", or no record id."));
        } else if (typed && !RECORD_TYPE.matcher(input.recordType()).matches()) {
            errors.add(new FieldError("record", "'" + input.recordType() + "' is not a record type id (lower-case letters,"
                    + " digits and _, e.g. case)."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new NotificationInput(title, input.text(), input.recordType(), typed ? input.recordId() : 0, source);
    }

    /** @return a limit clamped to 1 .. {@value Notifications#MAX_LIST} */
    static int listLimit(int limit) {
        return Math.max(1, Math.min(Notifications.MAX_LIST, limit));
    }

    /** @return read notifications created before this are dropped */
    static Instant readCutoff(Instant now) {
        return now.minus(Duration.ofDays(Notifications.READ_KEPT_DAYS));
    }

    /**
     * @param newestFirst a user's notification ids, newest first (at most {@value Notifications#KEPT_PER_USER} plus
     *     the ones to look at beyond)
     * @return the ids beyond the {@value Notifications#KEPT_PER_USER} newest
     */
    static List<Long> beyondKept(List<Long> newestFirst) {
        return newestFirst.size() <= Notifications.KEPT_PER_USER ? List.of()
                : List.copyOf(newestFirst.subList(Notifications.KEPT_PER_USER, newestFirst.size()));
    }

    /**
     * @return the name of a linked record when the record platform cannot name it (its module gone): "Case #12", which
     *     gives nothing away
     */
    static String neutralTitle(String recordType, long id) {
        return recordType.isEmpty() ? "" : Character.toUpperCase(recordType.charAt(0)) + recordType.substring(1) + " #" + id;
    }

    private static String tooLong(int max, int length) {
        return "At most " + max + " characters; this one has " + length + ". Shorten it.";
    }
}
