package org.tesseracrm.kernel.api.record;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Values to write into a record, by field name: what {@link Records#create(String, RecordValues)},
 * {@link Records#update(String, long, long, RecordValues) update}, {@link Records#merge(String, long, long, long,
 * RecordValues) merge} and {@link Records#duplicates(String, RecordValues, long) duplicates} take. Immutable;
 * made with {@link #builder()}.
 *
 * <p>Values are typed, as {@link RecordRow} holds them: text types, pick-lists and users {@code String};
 * NUMBER and MONEY {@code BigDecimal} (or a whole {@code long}); DATE {@code LocalDate}; DATE_TIME
 * {@code LocalDateTime} in UTC (a {@code LocalDate} means its start); BOOLEAN {@code boolean}; MULTI_PICKLIST
 * {@code List<String>}; LOOKUP the id of the record pointed at ({@code long} or a {@link RecordRef}). The
 * platform checks each value's Java type against its field's {@link FieldType} and its bounds (length, digits,
 * e-mail and web address form), and refuses a wrong one with the same message a user gets for bad text.
 * Strings are stripped; a blank string, an empty list and {@link Builder#clear} mean no value.
 *
 * <p>Where only text is at hand (a number a user typed), {@link Builder#text} passes it as text for the
 * platform to parse by the field's type, as it parses imports and {@link Filter} values.
 *
 * @since 2.1
 */
public final class RecordValues {
    private static final RecordValues EMPTY = new RecordValues(Map.of(), Map.of());

    private final Map<String, Optional<Object>> typed;
    private final Map<String, String> texts;

    private RecordValues(Map<String, Optional<Object>> typed, Map<String, String> texts) {
        this.typed = Collections.unmodifiableMap(new LinkedHashMap<>(typed));
        this.texts = Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }

    /** @return a builder of values, empty */
    public static Builder builder() {
        return new Builder();
    }

    /** @return no values: an update that changes nothing, a merge that keeps the survivor's values */
    public static RecordValues empty() {
        return EMPTY;
    }

    /**
     * Values as text, each parsed by the platform by its field's type: the form of the deprecated
     * {@code Map<String, String>} methods of {@link Records}, of import files and of {@link Filter} values.
     *
     * @param texts text by field name; blank means no value
     * @return those values
     */
    public static RecordValues ofText(Map<String, String> texts) {
        Builder builder = builder();
        texts.forEach(builder::text);
        return builder.build();
    }

    /** @return the typed values by field name, in the order they were set; an empty value clears the field */
    public Map<String, Optional<Object>> typed() {
        return typed;
    }

    /** @return the values given as text ({@link Builder#text}) by field name, for the platform to parse */
    public Map<String, String> texts() {
        return texts;
    }

    /** @return the names of all fields given, typed or as text */
    public Set<String> fields() {
        Set<String> fields = new LinkedHashSet<>(typed.keySet());
        fields.addAll(texts.keySet());
        return Collections.unmodifiableSet(fields);
    }

    /** @return true if no field is given */
    public boolean isEmpty() {
        return typed.isEmpty() && texts.isEmpty();
    }

    /**
     * @param field a field name
     * @return the typed value given for it; empty if none was given, it was cleared or it was given as text
     */
    public Optional<Object> value(String field) {
        return typed.getOrDefault(field, Optional.empty());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecordValues values && typed.equals(values.typed) && texts.equals(values.texts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(typed, texts);
    }

    @Override
    public String toString() {
        return "RecordValues" + typed + (texts.isEmpty() ? "" : " text " + texts);
    }

    /** Collects values; setting a field again replaces what it had. Not thread-safe. */
    public static final class Builder {
        private final Map<String, Optional<Object>> typed = new LinkedHashMap<>();
        private final Map<String, String> texts = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param field a field name
         * @param value any value of the Java type {@link RecordValues} names for the field's type; null clears
         * @return this builder
         */
        public Builder setValue(String field, Object value) {
            Objects.requireNonNull(field, "field");
            texts.remove(field);
            typed.put(field, Optional.ofNullable(value instanceof List<?> list ? List.copyOf(list) : value));
            return this;
        }

        /**
         * @param field a text, e-mail, phone, web address, user or pick-list field
         * @param value its value; null or blank clears
         * @return this builder
         */
        public Builder set(String field, String value) {
            return setValue(field, value);
        }

        /**
         * @param field a DATE field (or DATE_TIME: the start of the day)
         * @param value the date; null clears
         * @return this builder
         */
        public Builder set(String field, LocalDate value) {
            return setValue(field, value);
        }

        /**
         * @param field a DATE_TIME field
         * @param value the date-time in UTC; null clears
         * @return this builder
         */
        public Builder set(String field, LocalDateTime value) {
            return setValue(field, value);
        }

        /**
         * @param field a NUMBER or MONEY field
         * @param value the number; null clears
         * @return this builder
         */
        public Builder set(String field, BigDecimal value) {
            return setValue(field, value);
        }

        /**
         * @param field a NUMBER or MONEY field (a whole number), or a LOOKUP field (the id of the record)
         * @param value the number or id
         * @return this builder
         */
        public Builder set(String field, long value) {
            return setValue(field, value);
        }

        /**
         * @param field a BOOLEAN field
         * @param value yes or no
         * @return this builder
         */
        public Builder set(String field, boolean value) {
            return setValue(field, value);
        }

        /**
         * @param field a MULTI_PICKLIST field
         * @param values the chosen pick-list values; null or empty clears
         * @return this builder
         */
        public Builder set(String field, List<String> values) {
            return setValue(field, values);
        }

        /**
         * @param field a LOOKUP field
         * @param record the record it points at, of the field's lookup type; null clears
         * @return this builder
         */
        public Builder set(String field, RecordRef record) {
            return setValue(field, record);
        }

        /**
         * @param field a field name
         * @return this builder, with the field to be emptied
         */
        public Builder clear(String field) {
            return setValue(field, null);
        }

        /**
         * Gives a value as text, as a user typed it, for the platform to parse by the field's type (the
         * form of import files and {@link Filter} values, e.g. {@code 1,234.5} or {@code Yes}).
         *
         * @param field a field name
         * @param text the text; null or blank clears
         * @return this builder
         */
        public Builder text(String field, String text) {
            Objects.requireNonNull(field, "field");
            typed.remove(field);
            texts.put(field, text == null ? "" : text);
            return this;
        }

        /** @return the values set so far */
        public RecordValues build() {
            return new RecordValues(typed, texts);
        }
    }
}
