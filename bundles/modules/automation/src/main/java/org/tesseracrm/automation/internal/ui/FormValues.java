package org.tesseracrm.automation.internal.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.ParameterType;
import org.tesseracrm.kernel.api.automation.TimeSpan;
import org.tesseracrm.kernel.api.record.FilterOp;

/**
 * The rule editor's conversions between what its inputs hold and the text a rule keeps (see {@link Parameter}: every
 * value as text, lists joined by {@code ;}, an amount of time as {@link TimeSpan#parse} reads it), and the checks it
 * makes before the service sees a rule, so that a value that cannot be right is shown next to its input at once.
 * Pure functions, unit-tested without Vaadin.
 */
final class FormValues {
    /** How a rule joins the values of {@link ParameterType#MULTI_CHOICE} and {@link ParameterType#GROUPS}. */
    static final String SEPARATOR = ";";

    private FormValues() {
    }

    /**
     * @param parameter a parameter
     * @param config the values a rule holds, by name
     * @return the value the input starts with: the rule's, else the parameter's default, else ""
     */
    static String initial(Parameter parameter, Map<String, String> config) {
        String value = config.get(parameter.name());
        return value != null ? value : parameter.defaultValue().orElse("");
    }

    /**
     * @param joined values joined by {@code ;}, e.g. {@code Sales; Support}
     * @return the values, stripped, without blanks or repeats, in order
     */
    static List<String> split(String joined) {
        if (joined == null || joined.isBlank()) {
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        Arrays.stream(joined.split(SEPARATOR)).map(String::strip).filter(v -> !v.isEmpty()).forEach(out::add);
        return List.copyOf(out);
    }

    /**
     * @param values values chosen
     * @return them joined by {@code ;} as a rule keeps them ("" for none)
     */
    static String join(Collection<String> values) {
        return String.join(SEPARATOR, values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                .distinct().toList());
    }

    /**
     * @param amount the amount entered, null if none
     * @param unit the unit chosen
     * @return the span as a rule keeps it, e.g. {@code 3 days}; "" without an amount
     */
    static String timeSpan(Integer amount, TimeSpan.Unit unit) {
        if (amount == null) {
            return "";
        }
        return amount + " " + (unit == null ? TimeSpan.Unit.MINUTES : unit).text();
    }

    /**
     * @param text a span as a rule keeps it, or ""
     * @return the span, empty for "" or text that does not read (the input then starts blank)
     */
    static Optional<TimeSpan> timeSpan(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TimeSpan.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Checks one value as the service will: required values present, numbers, booleans, choices offered, amounts
     * of time; fields, users and groups are the service's to check.
     *
     * @param parameter the parameter
     * @param value the value as a rule would keep it ("" for none)
     * @return what is wrong, for the input's error message; empty if nothing
     */
    static Optional<String> check(Parameter parameter, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return parameter.required() && parameter.type() != ParameterType.BOOLEAN
                    ? Optional.of("Enter " + parameter.label() + ": it is required.") : Optional.empty();
        }
        switch (parameter.type()) {
            case NUMBER:
                try {
                    new BigDecimal(v);
                    return Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.of("Enter a number with a dot for decimals, e.g. 20.5.");
                }
            case BOOLEAN:
                return v.equals("true") || v.equals("false") ? Optional.empty() : Optional.of("Yes or no.");
            case CHOICE:
                return parameter.choices().contains(v) ? Optional.empty()
                        : Optional.of("Choose one of " + String.join(", ", parameter.choices()) + ".");
            case MULTI_CHOICE:
                List<String> wrong = new ArrayList<>(split(v));
                wrong.removeAll(parameter.choices());
                return wrong.isEmpty() ? Optional.empty()
                        : Optional.of("Not offered: " + String.join(", ", wrong) + ".");
            case TIME_SPAN:
                try {
                    TimeSpan.parse(v);
                    return Optional.empty();
                } catch (IllegalArgumentException e) {
                    return Optional.of(e.getMessage());
                }
            default:
                return Optional.empty();
        }
    }

    /**
     * @param op a condition's operator
     * @param value the first value input
     * @param to the second value input (between)
     * @param many the values chosen (any of)
     * @return the condition's values as a list filter takes them: none, one, two (either may be "") or several
     */
    static List<String> conditionValues(FilterOp op, String value, String to, Collection<String> many) {
        return switch (op.arity()) {
            case 0 -> List.of();
            case 1 -> List.of(value == null ? "" : value.strip());
            case 2 -> List.of(value == null ? "" : value.strip(), to == null ? "" : to.strip());
            default -> many.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
        };
    }

    /**
     * @param op a condition's operator
     * @param values its values
     * @return what is wrong with them before the service looks (a value missing); empty if nothing
     */
    static Optional<String> checkCondition(FilterOp op, List<String> values) {
        if (op.arity() < 0 && values.isEmpty()) {
            return Optional.of("Choose at least one value.");
        }
        if (op.arity() == 1 && values.get(0).isEmpty()) {
            return Optional.of("Enter a value.");
        }
        if (op.arity() == 2 && values.get(0).isEmpty() && values.get(1).isEmpty()) {
            return Optional.of("Enter a lower bound, an upper bound or both.");
        }
        return Optional.empty();
    }
    /**
     * Where a field error of the service belongs in the editor.
     *
     * @param part {@code name}, {@code recordType}, {@code trigger}, {@code criteria}, {@code actions},
     *     {@code repeat}, or {@code other}
     * @param index for a condition or an action, its place from 0; else -1
     * @param parameter for a trigger's or an action's parameter, its name; {@code delay} for an action's delay, ""
     *     for the action or the condition itself
     */
    record Target(String part, int index, String parameter) {
    }

    private static final java.util.regex.Pattern INDEXED =
            java.util.regex.Pattern.compile("^(actions|conditions|criteria\\.conditions|criteria)[\\[.](\\d+)]?\\.?(.*)$");

    /**
     * @param field the field a {@link org.tesseracrm.kernel.api.FieldError} names, e.g. {@code name},
     *     {@code triggerConfig.field}, {@code actions[1].completeWithin}, {@code actions[0].config.title},
     *     {@code criteria.conditions[2].values}
     * @return where it shows
     */
    static Target target(String field) {
        String f = field == null ? "" : field.strip();
        java.util.regex.Matcher m = INDEXED.matcher(f);
        if (m.matches()) {
            int index = Integer.parseInt(m.group(2));
            String rest = m.group(3);
            if (m.group(1).startsWith("actions")) {
                if (rest.startsWith("config.") || rest.startsWith("config[")) {
                    rest = rest.substring(7).replace("]", "");
                }
                return new Target("actions", index, rest.equals("action") ? "" : rest);
            }
            return new Target("criteria", index, "");
        }
        for (String prefix : List.of("triggerConfig.", "trigger.", "triggerConfig[")) {
            if (f.startsWith(prefix)) {
                return new Target("trigger", -1, f.substring(prefix.length()).replace("]", ""));
            }
        }
        return switch (f) {
            case "name", "recordType", "trigger", "repeat", "actions" -> new Target(f, -1, "");
            case "triggerConfig" -> new Target("trigger", -1, "");
            default -> f.startsWith("criteria") || f.startsWith("conditions") ? new Target("criteria", -1, "")
                    : new Target("other", -1, "");
        };
    }
}
