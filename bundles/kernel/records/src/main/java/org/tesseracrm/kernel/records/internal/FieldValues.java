package org.tesseracrm.kernel.records.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;

/**
 * Turns the text users type, import files hold and filters carry into typed values, and back, and checks
 * typed values modules write ({@link #check}) by the same rules. What {@link RecordRow#format} writes,
 * {@link #parse} reads, so an exported file imports unchanged.
 */
final class FieldValues {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,4})?");
    private static final int INTEGER_DIGITS = 15;
    private static final String ENTER_EMAIL = "Enter an e-mail address like name@example.org";
    private static final String ENTER_URL = "Enter a web address starting with http:// or https://";
    private static final String ENTER_DATE = "Enter a date like 2026-11-23";
    private static final String ENTER_DATE_TIME = "Enter a date and time like 2026-11-23 14:30";
    private static final String ENTER_BOOLEAN = "Enter Yes or No";
    private static final String ENTER_LOOKUP = "Enter the id of a record";

    private FieldValues() {
    }

    /**
     * @param field the field the text is for
     * @param text what the user typed; blank means no value
     * @return the typed value (see {@link org.tesseracrm.kernel.api.record.RecordRow}), or null for blank
     * @throws ValidationException naming the field, with a message saying what to enter
     */
    static Object parse(FieldDefinition field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        return switch (field.type()) {
            case TEXT, LONG_TEXT, PHONE, USER -> bounded(field, value);
            case EMAIL -> matching(field, bounded(field, value), EMAIL, ENTER_EMAIL);
            case URL -> bounded(field, url(field, value));
            case PICKLIST -> bounded(field, value);
            case MULTI_PICKLIST -> multi(field, value);
            case NUMBER -> number(field, value, 4);
            case MONEY -> number(field, value, 2);
            case DATE -> date(field, value);
            case DATE_TIME -> dateTime(field, value);
            case BOOLEAN -> bool(field, value);
            case LOOKUP -> lookup(field, value);
        };
    }

    /**
     * Checks a typed value (see {@link org.tesseracrm.kernel.api.record.RecordValues}) against its field: its
     * Java type against the field's type, then the same bounds and forms {@link #parse} checks, with the same
     * messages. Nothing is formatted to text and parsed back.
     *
     * @param field the field the value is for
     * @param value the value; null, a blank string or an empty list means no value
     * @return the value as the platform stores it (strings stripped, whole numbers as {@code BigDecimal},
     *     a date for a date-time as its start, a lookup's {@link RecordRef} as its id), or null for none
     * @throws ValidationException naming the field, with a message saying what to enter
     */
    static Object check(FieldDefinition field, Object value) {
        if (value == null) {
            return null;
        }
        return switch (field.type()) {
            // text is already what the user typed: checked as typed text is
            case TEXT, LONG_TEXT, PHONE, USER, PICKLIST -> parse(field, ofType(field, value, String.class, "Enter text"));
            case EMAIL -> parse(field, ofType(field, value, String.class, ENTER_EMAIL));
            case URL -> parse(field, ofType(field, value, String.class, ENTER_URL));
            case MULTI_PICKLIST -> chosen(field, value);
            case NUMBER -> decimal(field, value, 4);
            case MONEY -> decimal(field, value, 2);
            case DATE -> ofType(field, value, LocalDate.class, ENTER_DATE);
            case DATE_TIME -> value instanceof LocalDate day ? day.atStartOfDay()
                    : ofType(field, value, LocalDateTime.class, ENTER_DATE_TIME);
            case BOOLEAN -> ofType(field, value, Boolean.class, ENTER_BOOLEAN);
            case LOOKUP -> lookupId(field, value);
        };
    }

    /**
     * @param field a field
     * @param values values a caller gives
     * @return the field's value among them, checked if typed and parsed if text; null if none is given
     * @throws ValidationException naming the field, with a message saying what to enter
     */
    static Object of(FieldDefinition field, RecordValues values) {
        String text = values.texts().get(field.name());
        return text != null ? parse(field, text) : check(field, values.value(field.name()).orElse(null));
    }

    private static <T> T ofType(FieldDefinition field, Object value, Class<T> type, String hint) {
        if (!type.isInstance(value)) {
            throw invalid(field, hint);
        }
        return type.cast(value);
    }

    private static List<String> chosen(FieldDefinition field, Object value) {
        if (!(value instanceof Collection<?> chosen) || chosen.stream().anyMatch(v -> !(v instanceof String))) {
            throw invalid(field, "Choose values of the list");
        }
        List<String> values = List.copyOf(new LinkedHashSet<>(chosen.stream().map(v -> ((String) v).strip())
                .filter(v -> !v.isEmpty()).toList()));
        values.forEach(v -> bounded(field, v));
        return values.isEmpty() ? null : values;
    }

    private static BigDecimal decimal(FieldDefinition field, Object value, int scale) {
        BigDecimal number;
        if (value instanceof BigDecimal decimal) {
            number = decimal;
        } else if (value instanceof Long || value instanceof Integer) {
            number = BigDecimal.valueOf(((Number) value).longValue());
        } else {
            throw invalid(field, numberHint(scale));
        }
        BigDecimal plain = number.stripTrailingZeros();
        if (plain.scale() > scale) {
            throw invalid(field, "At most " + scale + " digits after the point");
        }
        if (plain.precision() - plain.scale() > INTEGER_DIGITS) {
            throw invalid(field, numberHint(scale));
        }
        return number.scale() > scale || number.scale() < 0 ? plain.setScale(Math.max(0, plain.scale())) : number;
    }

    private static String numberHint(int scale) {
        return "Enter a number like 1234.5 (at most " + INTEGER_DIGITS + " digits before the point and " + scale
                + " after)";
    }

    private static Long lookupId(FieldDefinition field, Object value) {
        if (value instanceof Long || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        if (value instanceof RecordRef ref && field.lookupType().map(ref.recordType()::equals).orElse(true)) {
            return ref.id();
        }
        throw invalid(field, ENTER_LOOKUP);
    }

    /**
     * @param text a date-time bound of a range filter; a date alone means that whole day
     * @param upper true for the "to" bound
     * @return the first instant after the bound for an upper date bound, otherwise the bound itself
     */
    static LocalDateTime rangeBound(FieldDefinition field, String text, boolean upper) {
        String value = text.strip();
        if (value.length() == 10) {
            LocalDate day = date(field, value);
            return upper ? day.plusDays(1).atStartOfDay() : day.atStartOfDay();
        }
        return dateTime(field, value);
    }

    private static String bounded(FieldDefinition field, String value) {
        if (field.maxLength() > 0 && value.length() > field.maxLength()) {
            throw invalid(field, "At most " + field.maxLength() + " characters (this has " + value.length() + ")");
        }
        return value;
    }

    private static String matching(FieldDefinition field, String value, Pattern pattern, String hint) {
        if (!pattern.matcher(value).matches()) {
            throw invalid(field, hint);
        }
        return value;
    }

    private static String url(FieldDefinition field, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://")) || value.contains(" ")) {
            throw invalid(field, ENTER_URL);
        }
        return value;
    }

    private static List<String> multi(FieldDefinition field, String value) {
        List<String> values = List.copyOf(new LinkedHashSet<>(Arrays.stream(value.split(";"))
                .map(String::strip).filter(v -> !v.isEmpty()).toList()));
        values.forEach(v -> bounded(field, v));
        return values;
    }

    private static BigDecimal number(FieldDefinition field, String value, int scale) {
        String plain = value.replace(",", "").replace(" ", "");
        if (!NUMBER.matcher(plain).matches()) {
            throw invalid(field, numberHint(scale));
        }
        if (plain.contains(".") && plain.length() - plain.indexOf('.') - 1 > scale) {
            throw invalid(field, "At most " + scale + " digits after the point");
        }
        return new BigDecimal(plain);
    }

    private static LocalDate date(FieldDefinition field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, ENTER_DATE);
        }
    }

    private static LocalDateTime dateTime(FieldDefinition field, String value) {
        String iso = value.replace(' ', 'T');
        try {
            return iso.length() == 10 ? LocalDate.parse(iso).atStartOfDay() : LocalDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            throw invalid(field, ENTER_DATE_TIME);
        }
    }

    private static Boolean bool(FieldDefinition field, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "y" -> Boolean.TRUE;
            case "no", "false", "0", "n" -> Boolean.FALSE;
            default -> throw invalid(field, ENTER_BOOLEAN);
        };
    }

    private static Long lookup(FieldDefinition field, String value) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw invalid(field, ENTER_LOOKUP);
        }
    }

    /** @return a validation error naming the field, with a message saying what to do */
    static ValidationException invalid(FieldDefinition field, String message) {
        return new ValidationException(List.of(new FieldError(field.name(), message)));
    }
}
