package org.tesseracrm.automation.internal.engine;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.ParameterType;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * The engine's own triggers, on the record platform's changes: created, updated, a field changed (from a value to a
 * value, blank for any), deleted, and a date field reached (with an offset before or after). The first four are
 * decided here from a change's rows before and after; "date reached" is a durable timer per rule and record (see
 * {@link Due#dateReached}).
 *
 * <p>Values compare as the list filters compare them: text ignoring case, numbers by value ({@code 100} and
 * {@code 100.00} are the same), any other value by its text form ({@link RecordRow#format}).
 */
public final class RecordTriggers {
    /** A record was created. */
    public static final String CREATED = "record.created";
    /** A record was changed. */
    public static final String UPDATED = "record.updated";
    /** A field of a record changed, from a value to a value (either blank for any). */
    public static final String FIELD_CHANGED = "record.fieldChanged";
    /** A record was deleted. */
    public static final String DELETED = "record.deleted";
    /** A date or date-time field of a record was reached, with an offset before or after. */
    public static final String DATE_REACHED = "record.dateReached";
    /** The ids of the built-in triggers. */
    public static final List<String> IDS = List.of(CREATED, UPDATED, FIELD_CHANGED, DELETED, DATE_REACHED);

    /** "date reached": the offset before the field's value. */
    public static final String BEFORE = "before";
    /** "date reached": the offset after the field's value. */
    public static final String AFTER = "after";

    /** What happened to a record. */
    public enum Kind {
        /** Created. */
        CREATE,
        /** Changed. */
        UPDATE,
        /** Deleted. */
        DELETE
    }

    private RecordTriggers() {
    }

    /**
     * @param id a built-in trigger's id
     * @return what administrators read
     */
    public static String label(String id) {
        return switch (id) {
            case CREATED -> "Record created";
            case UPDATED -> "Record updated";
            case FIELD_CHANGED -> "Field changed";
            case DELETED -> "Record deleted";
            case DATE_REACHED -> "Date reached";
            default -> throw new IllegalArgumentException("Not a built-in trigger: " + id);
        };
    }

    /**
     * @param id a built-in trigger's id
     * @return its configuration schema
     */
    public static List<Parameter> parameters(String id) {
        return switch (id) {
            case FIELD_CHANGED -> List.of(Parameter.of("field", "Field", ParameterType.FIELD, true),
                    Parameter.of("from", "From", ParameterType.TEXT, false)
                            .withHelp("The value before the change; blank for any"),
                    Parameter.of("to", "To", ParameterType.TEXT, false)
                            .withHelp("The value after the change; blank for any"));
            case DATE_REACHED -> List.of(Parameter.of("field", "Date field", ParameterType.FIELD, true)
                            .withHelp("A date or date-time field"),
                    Parameter.of("offset", "Offset", ParameterType.TIME_SPAN, false).withDefault("0 minutes")
                            .withHelp("How long before or after the field's value, e.g. 120 minutes"),
                    Parameter.choice("when", "Before or after", List.of(BEFORE, AFTER)));
            default -> List.of();
        };
    }

    /**
     * Whether a built-in trigger happened in a change.
     *
     * @param trigger the rule's trigger id
     * @param config the rule's trigger configuration
     * @param kind what happened
     * @param fields the fields the change set
     * @param before the record before (empty for a create)
     * @param after the record after (empty for a delete)
     * @return the trigger event's details when it happened ({@code field}, {@code from}, {@code to} for a changed
     *     field; {@code fields}, the changed fields joined by {@code ,}, for an update), empty when it did not;
     *     always empty for "date reached" and any trigger not built in
     */
    public static Optional<Map<String, String>> fires(String trigger, Map<String, String> config, Kind kind,
            Set<String> fields, Optional<RecordRow> before, Optional<RecordRow> after) {
        return switch (trigger) {
            case CREATED -> kind == Kind.CREATE ? Optional.of(Map.of()) : Optional.empty();
            case DELETED -> kind == Kind.DELETE ? Optional.of(Map.of()) : Optional.empty();
            case UPDATED -> kind == Kind.UPDATE ? Optional.of(Map.of("fields", String.join(",", fields.stream()
                    .sorted().toList()))) : Optional.empty();
            case FIELD_CHANGED -> kind == Kind.UPDATE ? fieldChanged(config, before, after) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<Map<String, String>> fieldChanged(Map<String, String> config, Optional<RecordRow> before,
            Optional<RecordRow> after) {
        String field = config.getOrDefault("field", "");
        Object old = before.flatMap(r -> r.value(field)).orElse(null);
        Object now = after.flatMap(r -> r.value(field)).orElse(null);
        if (field.isEmpty() || same(old, now) || !is(config.get("from"), old) || !is(config.get("to"), now)) {
            return Optional.empty();
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("field", field);
        details.put("from", RecordRow.format(old));
        details.put("to", RecordRow.format(now));
        return Optional.of(details);
    }

    /**
     * @param a a field value, or null
     * @param b another, or null
     * @return whether both are the same value (numbers by value, text ignoring case)
     */
    static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.equalsIgnoreCase(y);
        }
        return Objects.equals(a, b) || RecordRow.format(a).equals(RecordRow.format(b));
    }

    /**
     * @param expected a configured value; blank or null for any
     * @param value a field value, or null
     * @return whether the value is the expected one
     */
    static boolean is(String expected, Object value) {
        if (expected == null || expected.isBlank()) {
            return true;
        }
        String want = expected.strip();
        if (value instanceof BigDecimal number) {
            try {
                return number.compareTo(new BigDecimal(want)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (value instanceof Boolean bool) {
            String w = want.toLowerCase(Locale.ROOT);
            return bool ? w.equals("yes") || w.equals("true") : w.equals("no") || w.equals("false");
        }
        return RecordRow.format(value).equalsIgnoreCase(want);
    }
}
