package org.tesseracrm.kernel.api.record;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

/**
 * The one JSON form of a record, shared by the REST API and everything that sends records out (webhooks): a flat
 * object of the record's id, version and fields by name, as maps, lists and plain values that any JSON library
 * writes as they are. Text-like, pick-list and user fields are strings; numbers and money are numbers; a date is
 * {@code "2026-12-05"}; a date-time is a UTC instant, {@code "2026-12-05T09:30:00Z"}; a yes/no field is a boolean;
 * a multi-select pick-list is an array of strings; a lookup is the id of the record it points at; an empty value
 * is {@code null}. {@link #read} takes the same shapes back.
 *
 * @since 2.1
 */
public final class RecordJson {
    /** The record's id, always written first. */
    public static final String ID = "id";
    /** The record's version, written second; an update names it (in the REST API: {@code If-Match}). */
    public static final String VERSION = "version";

    private RecordJson() {
    }

    /**
     * @param fields the record type's fields, predefined and custom ({@link CustomFields#fields})
     * @param row a record
     * @param chosen the fields wanted; empty for all
     * @return {@code id}, {@code version} and the fields, in the order of {@code fields}
     */
    public static Map<String, Object> write(List<FieldDefinition> fields, RecordRow row, Collection<String> chosen) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(ID, row.id());
        json.put(VERSION, row.version());
        for (FieldDefinition field : fields) {
            if (!field.name().equals(ID) && !field.name().equals(VERSION)
                    && (chosen.isEmpty() || chosen.contains(field.name()))) {
                json.put(field.name(), write(field, row.values().get(field.name())));
            }
        }
        return json;
    }

    private static Object write(FieldDefinition field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDateTime utc) {
            return utc.toInstant(ZoneOffset.UTC).toString();
        }
        if (value instanceof LocalDate day) {
            return day.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (value instanceof BigDecimal || value instanceof Long || value instanceof Integer || value instanceof Boolean
                || value instanceof String) {
            return value;
        }
        return value.toString();
    }

    /**
     * Reads the values of a create or an update. Only the JSON shape of each value is checked here; the
     * {@link Records} service checks the values themselves (required fields, lengths, pick-list values, rules).
     *
     * @param fields the record type's fields, predefined and custom
     * @param json field name to value, as a JSON parser gives them (strings, numbers, booleans, lists, null)
     * @param ignored names to skip without reading (e.g. {@code id} and {@code version} of a bulk update's items)
     * @return the values, typed; a {@code null} value clears its field
     * @throws ValidationException with one message per unknown or read-only field and per value of the wrong shape
     */
    public static RecordValues read(List<FieldDefinition> fields, Map<String, ?> json, Set<String> ignored) {
        Map<String, FieldDefinition> byName = new LinkedHashMap<>();
        fields.forEach(field -> byName.put(field.name(), field));
        RecordValues.Builder values = RecordValues.builder();
        List<FieldError> errors = new ArrayList<>();
        json.forEach((name, value) -> {
            if (ignored.contains(name)) {
                return;
            }
            FieldDefinition field = byName.get(name);
            if (field == null && !name.equals(ID) && !name.equals(VERSION)) {
                errors.add(new FieldError(name, "There is no field \"" + name + "\"; GET /api/v1/records lists each "
                        + "type's fields."));
            } else if (field == null || !field.importable()) {
                errors.add(new FieldError(name, "This field is read-only: the CRM sets it."));
            } else {
                try {
                    values.setValue(name, value == null ? null : read(field, value));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(name, e.getMessage()));
                }
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return values.build();
    }

    private static Object read(FieldDefinition field, Object value) {
        return switch (field.type()) {
            case NUMBER, MONEY -> {
                if (value instanceof BigDecimal number) {
                    yield number;
                }
                if (value instanceof Integer || value instanceof Long || value instanceof BigInteger
                        || value instanceof Double || value instanceof Float) {
                    yield new BigDecimal(value.toString());
                }
                throw new IllegalArgumentException("Enter a number, like 1250.50 (without quotes).");
            }
            case LOOKUP -> {
                if (value instanceof Integer || value instanceof Long) {
                    yield ((Number) value).longValue();
                }
                throw new IllegalArgumentException("Enter the id of the record this field points at, a whole number.");
            }
            case BOOLEAN -> {
                if (value instanceof Boolean bool) {
                    yield bool;
                }
                throw new IllegalArgumentException("Enter true or false.");
            }
            case DATE -> {
                try {
                    yield LocalDate.parse(text(value, "Enter a date like \"2026-12-05\"."));
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("Enter a date like \"2026-12-05\".");
                }
            }
            case DATE_TIME -> {
                String hint = "Enter a date and time with its offset, like \"2026-12-05T09:30:00Z\" or "
                        + "\"2026-12-05T10:30:00+01:00\".";
                try {
                    yield OffsetDateTime.parse(text(value, hint)).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(hint);
                }
            }
            case MULTI_PICKLIST -> {
                if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                    yield list;
                }
                throw new IllegalArgumentException("Enter an array of values, like [\"Retail\", \"Wholesale\"].");
            }
            default -> text(value, "Enter text, in quotes.");
        };
    }

    private static String text(Object value, String hint) {
        if (value instanceof String text) {
            return text;
        }
        throw new IllegalArgumentException(hint);
    }
}
