package org.tesseracrm.kernel.records.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * Turns the text users type, import files hold and filters carry into typed values, and back. What
 * {@link RecordRow#format} writes, {@link #parse} reads, so an exported file imports unchanged.
 */
final class FieldValues {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,4})?");

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
            case EMAIL -> matching(field, bounded(field, value), EMAIL, "Enter an e-mail address like name@example.org");
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
            throw invalid(field, "Enter a web address starting with http:// or https://");
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
            throw invalid(field, "Enter a number like 1234.5 (at most 15 digits before the point and " + scale
                    + " after)");
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
            throw invalid(field, "Enter a date like 2026-11-23");
        }
    }

    private static LocalDateTime dateTime(FieldDefinition field, String value) {
        String iso = value.replace(' ', 'T');
        try {
            return iso.length() == 10 ? LocalDate.parse(iso).atStartOfDay() : LocalDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            throw invalid(field, "Enter a date and time like 2026-11-23 14:30");
        }
    }

    private static Boolean bool(FieldDefinition field, String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "y" -> Boolean.TRUE;
            case "no", "false", "0", "n" -> Boolean.FALSE;
            default -> throw invalid(field, "Enter Yes or No");
        };
    }

    private static Long lookup(FieldDefinition field, String value) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw invalid(field, "Enter the id of a record");
        }
    }

    /** @return a validation error naming the field, with a message saying what to do */
    static ValidationException invalid(FieldDefinition field, String message) {
        return new ValidationException(List.of(new FieldError(field.name(), message)));
    }
}
