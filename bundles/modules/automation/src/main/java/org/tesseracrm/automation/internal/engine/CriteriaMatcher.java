package org.tesseracrm.automation.internal.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * Checks a rule's {@link Criteria} on one record, in memory, with the meaning the record platform's list filters
 * have in SQL (the kernel's {@code RecordSql.condition}; the kernel has no in-memory matcher to reuse): text
 * compared ignoring case, "contains" as a substring ignoring case, pick-lists and "is any of" exact, "is not" true
 * for an empty field, "between" inclusive with an open blank bound (a date as the upper bound of a date-time range
 * takes in the whole day), "is empty" true for a blank text, and no other operator true for an empty field. Values
 * are read as the list reads them, plus the relative dates of {@link RelativeDates}.
 *
 * <p>Criteria that do not fit the record type (an unknown field, an operator the field's type does not take, a
 * value that does not read) are refused with a {@link ValidationException} naming the field, as a list query with
 * them would be, so a rule is checked when it is saved, not when it runs.
 */
public final class CriteriaMatcher {
    private final Map<String, FieldDefinition> fields;
    private final Instant now;
    private final ZoneId zone;

    /**
     * @param fields the record type's fields, predefined and custom
     * @param now the moment of evaluation (for relative dates)
     * @param zone the time zone of "today"
     */
    public CriteriaMatcher(Collection<FieldDefinition> fields, Instant now, ZoneId zone) {
        this.fields = fields.stream().collect(Collectors.toUnmodifiableMap(FieldDefinition::name,
                Function.identity()));
        this.now = now;
        this.zone = zone;
    }

    /**
     * @param criteria the criteria
     * @param row the record, as the record platform reads it
     * @return whether the record meets the criteria (no conditions: always)
     * @throws ValidationException naming the field of the first condition that does not fit the record type
     */
    public boolean matches(Criteria criteria, RecordRow row) {
        List<Filter> conditions = criteria.conditions().stream().map(this::checked).toList();
        return criteria.match() == Criteria.Match.ALL
                ? conditions.stream().allMatch(c -> holds(c, row))
                : conditions.isEmpty() || conditions.stream().anyMatch(c -> holds(c, row));
    }

    /**
     * @param criteria criteria to save in a rule
     * @throws ValidationException naming the field of the first condition that does not fit the record type
     */
    public void check(Criteria criteria) {
        criteria.conditions().forEach(this::checked);
    }

    /** @return the condition with relative dates resolved, its operator and values checked against its field */
    private Filter checked(Filter condition) {
        FieldDefinition field = fields.get(condition.field());
        if (field == null) {
            throw invalid(condition.field(), "There is no field \"" + condition.field() + "\"");
        }
        if (!condition.op().allows(field.type())) {
            throw invalid(field.name(), "\"" + condition.op().label() + "\" does not apply to this field");
        }
        Filter plain;
        try {
            plain = RelativeDates.resolve(condition, field.type(), now, zone);
        } catch (IllegalArgumentException e) {
            throw invalid(field.name(), e.getMessage());
        }
        switch (plain.op()) {
            case EQUALS, NOT_EQUALS -> operand(field, plain.values().get(0));
            case BETWEEN -> bounds(field, plain.values());
            case IN -> among(field, plain.values());
            default -> {
            }
        }
        return plain;
    }

    private boolean holds(Filter condition, RecordRow row) {
        FieldDefinition field = fields.get(condition.field());
        Object value = present(row.value(field.name()).orElse(null));
        return switch (condition.op()) {
            case EMPTY -> value == null;
            case NOT_EMPTY -> value != null;
            case CONTAINS -> value != null && lower(value).contains(lower(condition.values().get(0)));
            case EQUALS -> value != null && same(field, value, operand(field, condition.values().get(0)));
            case NOT_EQUALS -> value == null || !same(field, value, operand(field, condition.values().get(0)));
            case BETWEEN -> value != null && within(field, value, condition.values());
            case IN -> value != null && anyOf(value, among(field, condition.values()));
        };
    }

    /** @return the value, or null for what the list counts as empty (a blank text, an empty list) */
    private static Object present(Object value) {
        if (value instanceof String s && s.isBlank() || value instanceof Collection<?> c && c.isEmpty()) {
            return null;
        }
        return value;
    }

    private static boolean same(FieldDefinition field, Object value, Object operand) {
        if (field.type().textual()) {
            return lower(value).equals(lower(operand));
        }
        return compare(value, operand) == 0;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object value, Object operand) {
        if (value instanceof BigDecimal a && operand instanceof BigDecimal b) {
            return a.compareTo(b);
        }
        if (value instanceof Number a && operand instanceof Number b) {
            return Long.compare(a.longValue(), b.longValue());
        }
        if (value instanceof Comparable a && a.getClass().isInstance(operand)) {
            return a.compareTo(operand);
        }
        return value.equals(operand) ? 0 : 1;
    }

    private static boolean within(FieldDefinition field, Object value, List<String> bounds) {
        String from = bounds.get(0).strip();
        String to = bounds.get(1).strip();
        boolean time = field.type() == FieldType.DATE_TIME;
        if (!from.isEmpty() && compare(value, time ? moment(field, from, false) : parse(field, from)) < 0) {
            return false;
        }
        if (to.isEmpty()) {
            return true;
        }
        if (time && to.length() == 10) {
            return compare(value, moment(field, to, true)) < 0;
        }
        return compare(value, time ? moment(field, to, true) : parse(field, to)) <= 0;
    }

    private static boolean anyOf(Object value, Set<String> values) {
        if (value instanceof Collection<?> chosen) {
            return chosen.stream().anyMatch(values::contains);
        }
        return values.contains(value.toString());
    }

    private static Object operand(FieldDefinition field, String text) {
        Object typed = parse(field, text);
        if (typed == null) {
            throw invalid(field.name(), "Enter a value to compare with");
        }
        return typed;
    }

    private static void bounds(FieldDefinition field, List<String> bounds) {
        if (bounds.get(0).isBlank() && bounds.get(1).isBlank()) {
            throw invalid(field.name(), "Enter at least one bound of the range");
        }
        for (int i = 0; i < 2; i++) {
            if (!bounds.get(i).isBlank()) {
                if (field.type() == FieldType.DATE_TIME) {
                    moment(field, bounds.get(i), i == 1);
                } else {
                    parse(field, bounds.get(i));
                }
            }
        }
    }

    private static Set<String> among(FieldDefinition field, List<String> values) {
        Set<String> distinct = new LinkedHashSet<>(values.stream().map(String::strip).filter(v -> !v.isEmpty())
                .toList());
        if (distinct.isEmpty()) {
            throw invalid(field.name(), "Choose at least one value");
        }
        return distinct;
    }

    /** @return a date-time bound: a date alone is its day's start, or the next day's start as an upper bound */
    private static LocalDateTime moment(FieldDefinition field, String text, boolean upper) {
        String value = text.strip();
        if (value.length() == 10) {
            LocalDate day = ((LocalDateTime) parse(field, value)).toLocalDate();
            return upper ? day.plusDays(1).atStartOfDay() : day.atStartOfDay();
        }
        return (LocalDateTime) parse(field, value);
    }

    /** @return the text as a value of the field's type, as the list filters read it; null for blank */
    private static Object parse(FieldDefinition field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return switch (field.type()) {
                case NUMBER, MONEY -> new BigDecimal(value.replace(",", "").replace(" ", ""));
                case DATE -> date(value);
                case DATE_TIME -> value.length() == 10 ? date(value).atStartOfDay()
                        : LocalDateTime.parse(value.replace(' ', 'T'));
                case BOOLEAN -> bool(field, value);
                case LOOKUP -> Long.valueOf(value);
                default -> value;
            };
        } catch (NumberFormatException e) {
            throw invalid(field.name(), field.type() == FieldType.LOOKUP ? "Enter the id of a record"
                    : "Enter a number like 1234.5");
        } catch (DateTimeParseException e) {
            throw invalid(field.name(), field.type() == FieldType.DATE ? "Enter a date like 2026-11-23"
                    : "Enter a date and time like 2026-11-23 14:30");
        }
    }

    private static LocalDate date(String value) {
        return LocalDate.parse(value);
    }

    private static Boolean bool(FieldDefinition field, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "y" -> Boolean.TRUE;
            case "no", "false", "0", "n" -> Boolean.FALSE;
            default -> throw invalid(field.name(), "Enter Yes or No");
        };
    }

    private static String lower(Object value) {
        return value.toString().toLowerCase(Locale.ROOT);
    }

    private static ValidationException invalid(String field, String message) {
        return new ValidationException(List.of(new FieldError(field, message)));
    }
}
