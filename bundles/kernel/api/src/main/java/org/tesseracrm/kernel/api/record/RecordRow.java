package org.tesseracrm.kernel.api.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * One record as a list view reads it. Values are keyed by field name; an empty field has no entry.
 * Java types by field type: text types {@code String}; NUMBER and MONEY {@code BigDecimal}; DATE
 * {@code LocalDate}; DATE_TIME {@code LocalDateTime} (UTC); BOOLEAN {@code Boolean}; PICKLIST
 * {@code String}; MULTI_PICKLIST {@code List<String>}; LOOKUP {@code Long}.
 *
 * @param id the record id
 * @param version the optimistic-locking version, to pass back when changing the record
 * @param values field values by field name
 */
public record RecordRow(long id, long version, Map<String, Object> values) {
    /** Separates the values of a multi pick-list in text. */
    public static final String MULTI_SEPARATOR = "; ";
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Keeps an unmodifiable copy in field order. */
    public RecordRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * @param field a field name
     * @return the field's value, if it has one
     */
    public Optional<Object> value(String field) {
        return Optional.ofNullable(values.get(field));
    }

    /**
     * @param field a field name
     * @return the field's value as text, as lists, exports and imports write it; empty for no value
     */
    public String text(String field) {
        return format(values.get(field));
    }

    /**
     * @param field a DATE field's name
     * @return its date, if it has one
     * @throws IllegalArgumentException if the field holds another kind of value
     * @since 2.1
     */
    public Optional<LocalDate> date(String field) {
        return typed(field, LocalDate.class);
    }

    /**
     * @param field a DATE_TIME field's name
     * @return its date-time in UTC, if it has one
     * @throws IllegalArgumentException if the field holds another kind of value
     * @since 2.1
     */
    public Optional<LocalDateTime> dateTime(String field) {
        return typed(field, LocalDateTime.class);
    }

    /**
     * @param field a NUMBER or MONEY field's name
     * @return its number, if it has one
     * @throws IllegalArgumentException if the field holds another kind of value
     * @since 2.1
     */
    public Optional<BigDecimal> decimal(String field) {
        return typed(field, BigDecimal.class);
    }

    /**
     * @param field a BOOLEAN field's name
     * @return its yes or no, if it has one
     * @throws IllegalArgumentException if the field holds another kind of value
     * @since 2.1
     */
    public Optional<Boolean> bool(String field) {
        return typed(field, Boolean.class);
    }

    /**
     * @param field a LOOKUP field's name
     * @return the id of the record it points at, if any
     * @throws IllegalArgumentException if the field holds another kind of value
     * @since 2.1
     */
    public OptionalLong lookup(String field) {
        return typed(field, Long.class).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /**
     * @param field a MULTI_PICKLIST field's name
     * @return its chosen values; empty for none
     * @throws IllegalArgumentException if the field holds another kind of value
     * @since 2.1
     */
    public List<String> multi(String field) {
        List<?> chosen = typed(field, List.class).orElse(List.of());
        return chosen.stream().map(String::valueOf).toList();
    }

    private <T> Optional<T> typed(String field, Class<T> type) {
        Object value = values.get(field);
        if (value != null && !type.isInstance(value)) {
            throw new IllegalArgumentException("Field " + field + " holds a " + value.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return Optional.ofNullable(type.cast(value));
    }

    /**
     * The one text form of values: numbers plain ({@code 1234.5}), date-times {@code 2026-11-23 14:05},
     * booleans {@code Yes}/{@code No}, multi pick-lists joined by {@code "; "}, dates ISO.
     *
     * @param value a value of a record field, or null
     * @return its text; empty for null
     */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof LocalDateTime time) {
            return DATE_TIME.format(time);
        }
        if (value instanceof Boolean bool) {
            return bool ? "Yes" : "No";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(MULTI_SEPARATOR));
        }
        return value.toString();
    }
}
