package org.tesseracrm.activities.internal.automation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.activities.internal.service.Kind;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.BusinessHours;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.ParameterType;
import org.tesseracrm.kernel.api.automation.TimeSpan;

/**
 * The configuration of the action "Create an activity" as the seed's dialog has it (activity type, complete within
 * with a 30-minute minimum, notify before, creation permission for all records or the records of chosen groups'
 * members, notes, respect the company's business hours), plus the assignee and a due time relative to a date of the
 * record (the seed's "confirm the meeting 120 minutes before it").
 *
 * @param kind the activity's kind
 * @param subject its subject
 * @param completeWithin how long after the trigger it is due; empty when {@code dueField} sets the due time
 * @param dueField a date or date-time field of the record the due time is counted back from, or empty
 * @param dueBefore how long before {@code dueField} it is due (zero when empty)
 * @param notifyBefore how long before the due time the assignee is reminded, or empty for no reminder
 * @param assignee who gets it; empty for the record's owner
 * @param groups empty for all records, else the groups one of which the record's owner must be a member of
 * @param notes the activity's description
 * @param businessHours whether to respect business hours
 * @param calendar the name of the business hours calendar
 */
record ActivityDialog(Kind kind, String subject, Optional<TimeSpan> completeWithin, Optional<String> dueField,
        Optional<TimeSpan> dueBefore, Optional<TimeSpan> notifyBefore, Optional<String> assignee, Set<String> groups,
        String notes, boolean businessHours, String calendar) {
    /** Creation permission: every record. */
    static final String ALL = "all";
    /** Creation permission: records owned by members of the chosen groups. */
    static final String GROUPS = "groups";
    /** The longest subject an activity takes. */
    static final int MAX_SUBJECT = 200;
    /** The longest description an activity takes. */
    static final int MAX_NOTES = 4000;

    /** The kinds a rule may create: those that need no meeting link. */
    static final List<Kind> KINDS = Arrays.stream(Kind.values()).filter(k -> !k.video()).toList();

    /** The dialog, in the seed's order. */
    static final List<Parameter> PARAMETERS = List.of(
            Parameter.choice("kind", "Activity type", KINDS.stream().map(Kind::id).toList())
                    .withHelp("Video meetings need their link and are scheduled by hand."),
            Parameter.of("subject", "Subject", ParameterType.TEXT, true),
            Parameter.of("completeWithin", "Complete within", ParameterType.TIME_SPAN, false).withDefault("30 minutes")
                    .withHelp("From the event, at least 30 minutes; not completed by then, the activity is marked late."),
            Parameter.of("dueField", "Or due before the record's date", ParameterType.FIELD, false)
                    .withHelp("A date or time of the record, e.g. a meeting's start: the activity is due that long before it."),
            Parameter.of("dueBefore", "Due before", ParameterType.TIME_SPAN, false)
                    .withHelp("With a record's date, e.g. 120 minutes."),
            Parameter.of("notifyBefore", "Notify", ParameterType.TIME_SPAN, false)
                    .withHelp("How long before the due time the assignee is reminded."),
            Parameter.of("assignee", "Assignee", ParameterType.USER, false)
                    .withHelp("Empty: the record's owner."),
            new Parameter("creation", "Creation permission", ParameterType.CHOICE, false, List.of(ALL, GROUPS),
                    Optional.of(ALL), "all: every record; groups: only records owned by members of the groups below."),
            Parameter.of("groups", "Groups", ParameterType.GROUPS, false),
            Parameter.of("notes", "Notes", ParameterType.LONG_TEXT, false),
            Parameter.of("businessHours", "Consider the company's business hours", ParameterType.BOOLEAN, false)
                    .withDefault("false"),
            Parameter.of("calendar", "Business hours calendar", ParameterType.TEXT, false)
                    .withDefault(BusinessHours.DEFAULT));

    /**
     * @param config the rule's values, by parameter name
     * @return the dialog read
     * @throws ValidationException with a message per parameter that does not read
     */
    static ActivityDialog read(Map<String, String> config) {
        List<FieldError> errors = new ArrayList<>();
        Kind kind = Kind.of(text(config, "kind")).filter(KINDS::contains).orElse(null);
        if (kind == null) {
            errors.add(new FieldError("kind", "Choose the activity type: "
                    + String.join(", ", KINDS.stream().map(Kind::id).toList()) + "."));
        }
        String subject = text(config, "subject");
        if (subject.isEmpty() || subject.length() > MAX_SUBJECT) {
            errors.add(new FieldError("subject", "Enter a subject of 1 to " + MAX_SUBJECT + " characters."));
        }
        Optional<String> dueField = optional(config, "dueField");
        Optional<TimeSpan> within = span(config, "completeWithin", errors);
        if (dueField.isEmpty()) {
            if (within.isEmpty() && errors.stream().noneMatch(e -> e.field().equals("completeWithin"))) {
                errors.add(new FieldError("completeWithin", "Enter complete within, e.g. 30 minutes or 3 months."));
            }
            within.ifPresent(w -> {
                try {
                    Deadlines.checkMinimum(w);
                } catch (ValidationException e) {
                    errors.addAll(e.errors());
                }
            });
        }
        Optional<TimeSpan> dueBefore = span(config, "dueBefore", errors);
        Optional<TimeSpan> notifyBefore = span(config, "notifyBefore", errors);
        String creation = optional(config, "creation").orElse(ALL).toLowerCase(Locale.ROOT);
        Set<String> groups = new LinkedHashSet<>();
        for (String group : text(config, "groups").split(";")) {
            if (!group.isBlank()) {
                groups.add(group.strip());
            }
        }
        if (!creation.equals(ALL) && !creation.equals(GROUPS)) {
            errors.add(new FieldError("creation", "Choose all or groups."));
        } else if (creation.equals(GROUPS) && groups.isEmpty()) {
            errors.add(new FieldError("groups", "Choose at least one group, or creation permission all."));
        }
        String notes = text(config, "notes");
        if (notes.length() > MAX_NOTES) {
            errors.add(new FieldError("notes", "Notes take at most " + MAX_NOTES + " characters."));
        }
        String hours = optional(config, "businessHours").orElse("false").toLowerCase(Locale.ROOT);
        if (!hours.equals("true") && !hours.equals("false")) {
            errors.add(new FieldError("businessHours", "Enter true or false."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ActivityDialog(kind, subject, dueField.isPresent() ? Optional.empty() : within, dueField,
                dueBefore, notifyBefore, optional(config, "assignee"),
                creation.equals(GROUPS) ? Set.copyOf(groups) : Set.of(), notes, hours.equals("true"),
                optional(config, "calendar").orElse(BusinessHours.DEFAULT));
    }

    /**
     * The creation permission: whether the action applies to a record whose owner is in these groups.
     *
     * @param ownerGroups the names of the groups the record's owner is a member of
     * @return true for "all", else whether one of them is a chosen group (names ignoring case)
     */
    boolean appliesTo(Set<String> ownerGroups) {
        if (groups.isEmpty()) {
            return true;
        }
        Set<String> owned = new LinkedHashSet<>();
        ownerGroups.forEach(g -> owned.add(g.toLowerCase(Locale.ROOT)));
        return groups.stream().anyMatch(g -> owned.contains(g.toLowerCase(Locale.ROOT)));
    }

    /**
     * The deadline of the activity.
     *
     * @param start when the trigger happened
     * @param recordDate the value of {@link #dueField} on the record (a UTC {@link LocalDateTime} or a
     *     {@link LocalDate}), when there is one
     * @param zone the zone calendar units count in (the assignee's)
     * @param hours the business hours, when respected and installed
     * @return the deadline; one counted back from the record's date lies at least {@link Deadlines#MINIMUM} after
     *     the start
     * @throws ValidationException naming {@code dueField} when the record's value is not a date
     */
    Deadlines.Deadline deadline(Instant start, Optional<Object> recordDate, ZoneId zone,
            Optional<BusinessHours> hours) {
        if (completeWithin.isPresent()) {
            return Deadlines.of(start, completeWithin.get(), notifyBefore, zone, hours);
        }
        Object value = recordDate.orElseThrow();
        Instant date;
        if (value instanceof LocalDateTime utc) {
            date = utc.toInstant(ZoneOffset.UTC);
        } else if (value instanceof LocalDate day) {
            date = day.atStartOfDay(zone).toInstant();
        } else {
            throw new ValidationException(List.of(new FieldError("dueField",
                    dueField.orElse("") + " is not a date of the record.")));
        }
        Instant due = dueBefore.map(b -> b.subtractFrom(date.atZone(zone)).toInstant()).orElse(date);
        Instant earliest = start.plus(Deadlines.MINIMUM);
        if (due.isBefore(earliest)) {
            due = earliest;
        }
        Instant fixedDue = due;
        Optional<Instant> notifyAt = notifyBefore.map(b -> b.subtractFrom(fixedDue.atZone(zone)).toInstant())
                .map(at -> at.isBefore(start) ? start : at);
        return new Deadlines.Deadline(due, notifyAt);
    }

    private static Optional<TimeSpan> span(Map<String, String> config, String name, List<FieldError> errors) {
        Optional<String> text = optional(config, name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TimeSpan.parse(text.get()));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name, e.getMessage()));
            return Optional.empty();
        }
    }

    private static Optional<String> optional(Map<String, String> config, String name) {
        return Optional.of(text(config, name)).filter(t -> !t.isEmpty());
    }

    private static String text(Map<String, String> config, String name) {
        String value = config.get(name);
        return value == null ? "" : value.strip();
    }
}
