package org.tesseracrm.kernel.rest.internal.records;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordJson;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.kernel.rest.internal.Problem.FieldProblem;
import org.tesseracrm.kernel.rest.internal.ProblemException;

/**
 * The query parameters of {@code GET /api/v1/records/{type}}: {@code limit}, {@code cursor}, {@code sort}
 * ({@code lastName,-createdAt}), {@code q}, {@code fields} ({@code lastName,email}) and filters
 * {@code <field>[<op>]=<value>}, checked against the type's fields (custom ones included). Anything else, and every
 * unknown field, is refused with 400 and one error per parameter or field, by name.
 */
final class ListParameters {
    /** Rows per page when the client asks for none. */
    static final int DEFAULT_LIMIT = 50;
    /** The largest page. */
    static final int MAX_LIMIT = 200;

    /** The end of a day as the databases store times: PostgreSQL keeps microseconds and would round nanoseconds up. */
    private static final LocalTime LAST_MICROSECOND = LocalTime.of(23, 59, 59, 999_999_000);
    private static final Set<String> NAMED = Set.of("limit", "cursor", "sort", "q", "fields");
    private static final Pattern FILTER = Pattern.compile("([^\\[\\]]+)\\[([^\\[\\]]*)\\]");
    /** The operators of the API, by the name a filter parameter gives them. */
    private static final Map<String, FilterOp> OPS = ops();

    private ListParameters() {
    }

    /**
     * A list request, parsed.
     *
     * @param query order, search text, filters and the page size (offset 0: the cursor says where to go on)
     * @param cursor the cursor of the page wanted; empty for the first
     * @param fields the fields to write; empty for all
     */
    record ListRequest(RecordQuery query, Optional<String> cursor, List<String> fields) {
    }

    /**
     * @param parameters the query parameters, decoded, each name with its values in order
     * @param fields the record type's fields, predefined and custom
     * @return the request
     * @throws ProblemException 400 with an error per refused parameter or field
     */
    static ListRequest parse(Map<String, List<String>> parameters, List<FieldDefinition> fields) {
        Map<String, FieldDefinition> byName = new LinkedHashMap<>();
        fields.forEach(field -> byName.put(field.name(), field));
        List<FieldProblem> errors = new ArrayList<>();
        int limit = DEFAULT_LIMIT;
        Optional<String> cursor = Optional.empty();
        Optional<String> text = Optional.empty();
        List<SortOrder> sort = List.of();
        List<String> chosen = List.of();
        List<Filter> filters = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            List<String> values = parameter.getValue();
            if (NAMED.contains(name) && values.size() > 1) {
                errors.add(new FieldProblem(name, "Give \"" + name + "\" once."));
                continue;
            }
            String value = values.isEmpty() ? "" : values.get(0);
            switch (name) {
                case "limit" -> limit = limit(value, errors);
                case "cursor" -> cursor = Optional.of(value.strip()).filter(c -> !c.isEmpty());
                case "q" -> text = Optional.of(value);
                case "sort" -> sort = sort(value, byName, errors);
                case "fields" -> chosen = fields(value, byName, errors);
                default -> {
                    Matcher filter = FILTER.matcher(name);
                    if (filter.matches()) {
                        (values.isEmpty() ? List.of("") : values).forEach(v -> filter(filter.group(1), filter.group(2), v, byName, errors)
                                .ifPresent(filters::add));
                    } else {
                        errors.add(new FieldProblem(name, "Unknown query parameter. A list takes limit, cursor, sort, "
                                + "q, fields and filters like lastName[contains]=love."));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "The query was refused.", errors);
        }
        return new ListRequest(new RecordQuery(0, limit, sort, text, filters), cursor, chosen);
    }

    private static int limit(String value, List<FieldProblem> errors) {
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        errors.add(new FieldProblem("limit", "Enter a whole number from 1 to " + MAX_LIMIT + "."));
        return DEFAULT_LIMIT;
    }

    private static List<SortOrder> sort(String value, Map<String, FieldDefinition> byName, List<FieldProblem> errors) {
        List<SortOrder> sort = new ArrayList<>();
        for (String item : items(value)) {
            boolean descending = item.startsWith("-");
            String name = descending ? item.substring(1) : item.startsWith("+") ? item.substring(1) : item;
            FieldDefinition field = byName.get(name);
            if (field == null) {
                errors.add(unknown(name));
            } else if (!field.sortable()) {
                errors.add(new FieldProblem(name, "A list cannot be sorted by this field."));
            } else {
                sort.add(new SortOrder(name, !descending));
            }
        }
        return sort;
    }

    private static List<String> fields(String value, Map<String, FieldDefinition> byName, List<FieldProblem> errors) {
        List<String> chosen = new ArrayList<>();
        for (String name : items(value)) {
            if (byName.containsKey(name) || name.equals(RecordJson.ID) || name.equals(RecordJson.VERSION)) {
                chosen.add(name);
            } else {
                errors.add(unknown(name));
            }
        }
        return chosen;
    }

    private static Optional<Filter> filter(String name, String opName, String value, Map<String, FieldDefinition> byName,
            List<FieldProblem> errors) {
        FieldDefinition field = byName.get(name);
        FilterOp op = OPS.get(opName);
        if (field == null) {
            errors.add(unknown(name));
            return Optional.empty();
        }
        if (op == null) {
            errors.add(new FieldProblem(name, "Unknown operator \"" + opName + "\"; use one of "
                    + String.join(", ", OPS.keySet()) + "."));
            return Optional.empty();
        }
        if (!field.sortable()) {
            errors.add(new FieldProblem(name, "A list cannot be filtered by this field."));
            return Optional.empty();
        }
        if (!op.allows(field.type())) {
            errors.add(new FieldProblem(name, "\"" + opName + "\" does not apply to a field of type " + field.type()
                    + "; use one of " + OPS.entrySet().stream().filter(e -> e.getValue().allows(field.type()))
                            .map(Map.Entry::getKey).collect(Collectors.joining(", ")) + "."));
            return Optional.empty();
        }
        List<String> values = switch (op.arity()) {
            case 0 -> List.of();
            case 1 -> List.of(value);
            case 2 -> Arrays.asList(value.split(",", -1));
            default -> items(value);
        };
        if (op.arity() == 2 && values.size() != 2) {
            errors.add(new FieldProblem(name, "\"between\" takes two values, from and to, separated by a comma "
                    + "(either may be empty for an open range), like 2026-01-01,2026-12-31."));
            return Optional.empty();
        }
        if (op.arity() < 0 && values.isEmpty()) {
            errors.add(new FieldProblem(name, "\"in\" takes one or more values separated by commas."));
            return Optional.empty();
        }
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i).strip();
            stored.add(field.type() == FieldType.DATE_TIME ? dateTime(v, op == FilterOp.BETWEEN && i == 1) : v);
        }
        return Optional.of(new Filter(name, op, stored));
    }

    /**
     * The value of a date-time filter as the record platform reads it: UTC without an offset. The API takes an
     * instant with any offset ({@code 2026-12-05T09:30:00Z}) or a day, meaning that UTC day: its start, or its end as
     * the upper bound of a range. Anything else goes on as it is, for the platform to refuse by name.
     *
     * @param text the value as given
     * @param upper whether it is the upper bound of {@code between}
     * @return the value to filter with
     */
    static String dateTime(String text, boolean upper) {
        if (text.isEmpty()) {
            return text;
        }
        try {
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime().toString();
        } catch (DateTimeParseException e) {
            // not an instant; a day?
        }
        try {
            LocalDate day = LocalDate.parse(text);
            return (upper ? day.atTime(LAST_MICROSECOND) : day.atStartOfDay()).toString();
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    /** @return the comma-separated items of a value, stripped, without empty ones */
    private static List<String> items(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static FieldProblem unknown(String name) {
        return new FieldProblem(name, "There is no field \"" + name + "\"; GET /api/v1/records lists each type's fields.");
    }

    private static Map<String, FilterOp> ops() {
        Map<String, FilterOp> ops = new LinkedHashMap<>();
        ops.put("contains", FilterOp.CONTAINS);
        ops.put("eq", FilterOp.EQUALS);
        ops.put("ne", FilterOp.NOT_EQUALS);
        ops.put("empty", FilterOp.EMPTY);
        ops.put("notEmpty", FilterOp.NOT_EMPTY);
        ops.put("between", FilterOp.BETWEEN);
        ops.put("in", FilterOp.IN);
        return Collections.unmodifiableMap(ops);
    }
}
