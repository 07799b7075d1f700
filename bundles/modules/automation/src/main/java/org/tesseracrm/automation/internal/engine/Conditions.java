package org.tesseracrm.automation.internal.engine;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * The engine's criteria for the other parts of the bundle (assignment, scoring, schedules): {@link CriteriaMatcher}
 * and {@link RelativeDates} behind a public door, and a text form of criteria and filters to store them in one
 * column. The text form is one line per condition, {@code field|OP|value|value}, with {@code \|}, {@code \\} and
 * {@code \n} escaped, after a first line {@code ALL} or {@code ANY}.
 */
public final class Conditions {
    private Conditions() {
    }

    /**
     * @param fields the record type's fields
     * @param criteria the criteria
     * @param row the record
     * @param now the moment relative dates count from
     * @param zone the zone of "today"
     * @return whether the record meets the criteria
     * @throws ValidationException if the criteria do not fit the type
     */
    public static boolean matches(Collection<FieldDefinition> fields, Criteria criteria, RecordRow row, Instant now,
            ZoneId zone) {
        return new CriteriaMatcher(fields, now, zone).matches(criteria, row);
    }

    /**
     * @param fields the record type's fields
     * @param criteria criteria to save
     * @throws ValidationException naming the field of the first condition that does not fit the type
     */
    public static void check(Collection<FieldDefinition> fields, Criteria criteria) {
        new CriteriaMatcher(fields, Instant.now(), ZoneId.of("UTC")).check(criteria);
    }

    /**
     * @param fields the record type's fields
     * @param filters list filters that may hold relative dates
     * @param now the moment
     * @param zone the zone of "today"
     * @return the filters with plain values, for {@code Records}
     * @throws ValidationException naming an unknown field or a relative value that does not read
     */
    public static List<Filter> resolve(Collection<FieldDefinition> fields, List<Filter> filters, Instant now,
            ZoneId zone) {
        Map<String, FieldDefinition> byName = fields.stream()
                .collect(Collectors.toMap(FieldDefinition::name, Function.identity(), (a, b) -> a));
        List<Filter> plain = new ArrayList<>();
        for (Filter filter : filters) {
            FieldDefinition field = byName.get(filter.field());
            if (field == null) {
                throw new ValidationException(List.of(new FieldError(filter.field(),
                        "There is no field \"" + filter.field() + "\"")));
            }
            try {
                plain.add(RelativeDates.resolve(filter, field.type(), now, zone));
            } catch (IllegalArgumentException e) {
                throw new ValidationException(List.of(new FieldError(field.name(), e.getMessage())));
            }
        }
        return plain;
    }

    /** @return the criteria as text */
    public static String encode(Criteria criteria) {
        return criteria.match().name() + (criteria.conditions().isEmpty() ? "" : "\n" + encode(criteria.conditions()));
    }

    /** @return the filters as text, one a line */
    public static String encode(List<Filter> filters) {
        return filters.stream().map(f -> {
            List<String> parts = new ArrayList<>(List.of(f.field(), f.op().name()));
            parts.addAll(f.values());
            return join(parts);
        }).collect(Collectors.joining("\n"));
    }

    /** @return the criteria read back from {@link #encode(Criteria)} */
    public static Criteria criteria(String text) {
        if (text == null || text.isBlank()) {
            return Criteria.none();
        }
        int eol = text.indexOf('\n');
        Criteria.Match match = Criteria.Match.valueOf(eol < 0 ? text.strip() : text.substring(0, eol).strip());
        return new Criteria(match, eol < 0 ? List.of() : filters(text.substring(eol + 1)));
    }

    /** @return the filters read back from {@link #encode(List)} */
    public static List<Filter> filters(String text) {
        List<Filter> filters = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return filters;
        }
        for (String line : text.split("\n")) {
            List<String> parts = split(line);
            filters.add(new Filter(parts.get(0), FilterOp.valueOf(parts.get(1)), parts.subList(2, parts.size())));
        }
        return filters;
    }

    /** @return the texts on one line, separated by {@code |}, each escaped; {@link #split} reads them back */
    public static String join(List<String> parts) {
        return parts.stream().map(Conditions::escape).collect(Collectors.joining("|"));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n");
    }

    /** @return the texts of a line {@link #join} wrote */
    public static List<String> split(String line) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '\\' && i + 1 < line.length()) {
                char next = line.charAt(++i);
                part.append(next == 'n' ? '\n' : next);
            } else if (ch == '|') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(ch);
            }
        }
        parts.add(part.toString());
        return parts;
    }
}
