package org.tesseracrm.reports.internal.engine;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Aggregate;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.Measure;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportSort;
import org.tesseracrm.reports.api.ReportSpec;

/**
 * What the service checks in a spec before it saves or runs it, with messages a report builder understands, and the
 * small computations around {@code Records.aggregate}: the period filter, headers, sorting and the row limit. The
 * fields come from a lookup the service gives (the record type's fields, custom ones included, read as the caller);
 * {@code Records.aggregate} checks the rest again when it runs.
 */
public final class SpecCheck {
    /** The most groupings. */
    public static final int MAX_GROUPS = 2;

    private SpecCheck() {
    }

    /**
     * @param spec a spec
     * @param fields the fields of a record type by name, empty for an unknown type
     * @return the field errors, empty when the spec fits its record type
     */
    public static List<FieldError> errors(ReportSpec spec, Function<String, Map<String, FieldDefinition>> fields) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, FieldDefinition> own = spec.recordType().isBlank() ? Map.of() : fields.apply(spec.recordType());
        if (own.isEmpty()) {
            errors.add(new FieldError("spec.recordType", "Choose a record type that is installed"));
            return errors;
        }
        if (spec.groups().size() > MAX_GROUPS) {
            errors.add(new FieldError("spec.groups", "Group by at most two fields"));
        }
        for (Grouping g : spec.groups()) {
            Optional<FieldDefinition> field = resolve(g.field(), own, fields);
            if (field.isEmpty()) {
                errors.add(new FieldError("spec.groups", "There is no field " + g.field() + " to group by"));
            } else if (date(field.get()) && g.bucket().isEmpty()) {
                errors.add(new FieldError("spec.groups", "Choose day, week, month, quarter or year to group "
                        + field.get().label() + " by"));
            } else if (!date(field.get()) && g.bucket().isPresent()) {
                errors.add(new FieldError("spec.groups", field.get().label() + " is not a date: group it without "
                        + "a day, week, month, quarter or year"));
            } else if (field.get().type() == FieldType.MULTI_PICKLIST || field.get().type() == FieldType.LONG_TEXT) {
                errors.add(new FieldError("spec.groups", "A report cannot group by " + field.get().label()));
            }
        }
        if (spec.measures().isEmpty() || spec.measures().size() > Records.MAX_MEASURES) {
            errors.add(new FieldError("spec.measures", "Choose 1 to " + Records.MAX_MEASURES + " figures"));
        }
        for (Measure m : spec.measures()) {
            if (m.aggregate() == Aggregate.COUNT) {
                continue;
            }
            Optional<FieldDefinition> field = m.field().flatMap(name -> resolve(name, own, fields));
            if (field.isEmpty()) {
                errors.add(new FieldError("spec.measures", "There is no field " + m.field().orElse("") + " to "
                        + word(m.aggregate())));
            } else if (!number(field.get()) && !(date(field.get())
                    && (m.aggregate() == Aggregate.MIN || m.aggregate() == Aggregate.MAX))) {
                errors.add(new FieldError("spec.measures", "A report cannot " + word(m.aggregate()) + " "
                        + field.get().label() + ": choose a number or amount"
                        + (m.aggregate() == Aggregate.MIN || m.aggregate() == Aggregate.MAX ? " or a date" : "")));
            }
        }
        spec.periodField().ifPresent(name -> {
            FieldDefinition field = own.get(name);
            if (field == null || !date(field)) {
                errors.add(new FieldError("spec.periodField", "The period applies to a date field of the record "
                        + "type; " + name + " is none"));
            }
        });
        for (Filter f : spec.filters()) {
            if (resolve(f.field(), own, fields).isEmpty()) {
                errors.add(new FieldError("spec.filters", "There is no field " + f.field() + " to filter on"));
            }
        }
        if (spec.limit() < 0 || spec.limit() > ReportSpec.MAX_LIMIT) {
            errors.add(new FieldError("spec.limit", "Show 1 to " + ReportSpec.MAX_LIMIT + " rows, or 0 for all"));
        }
        return errors;
    }

    /**
     * @param spec a spec
     * @param fields as {@link #errors}
     * @throws ValidationException when the spec does not fit
     */
    public static void check(ReportSpec spec, Function<String, Map<String, FieldDefinition>> fields) {
        List<FieldError> errors = errors(spec, fields);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * @param name a field name or {@code lookupField.targetField}
     * @param own the fields of the report's type
     * @param fields the fields of any type
     * @return the field named, one lookup deep
     */
    static Optional<FieldDefinition> resolve(String name, Map<String, FieldDefinition> own,
            Function<String, Map<String, FieldDefinition>> fields) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return Optional.ofNullable(own.get(name));
        }
        FieldDefinition lookup = own.get(name.substring(0, dot));
        if (lookup == null || lookup.type() != FieldType.LOOKUP || lookup.lookupType().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(fields.apply(lookup.lookupType().get()).get(name.substring(dot + 1)));
    }

    /**
     * @param name a field name or {@code lookupField.targetField}
     * @param own the fields of the report's type
     * @param fields the fields of any type
     * @return what a header calls it: the label, or "Lookup › Target" one lookup deep
     */
    static String label(String name, Map<String, FieldDefinition> own,
            Function<String, Map<String, FieldDefinition>> fields) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return Optional.ofNullable(own.get(name)).map(FieldDefinition::label).orElse(name);
        }
        String lookup = Optional.ofNullable(own.get(name.substring(0, dot))).map(FieldDefinition::label)
                .orElse(name.substring(0, dot));
        return lookup + " › " + resolve(name, own, fields).map(FieldDefinition::label).orElse(name.substring(dot + 1));
    }

    /**
     * @param g a grouping
     * @param own the fields of the report's type
     * @param fields the fields of any type
     * @return its header, e.g. "Close date (month)"
     */
    static String header(Grouping g, Map<String, FieldDefinition> own,
            Function<String, Map<String, FieldDefinition>> fields) {
        return label(g.field(), own, fields) + g.bucket().map(b -> " (" + b.name().toLowerCase(Locale.ROOT) + ")")
                .orElse("");
    }

    /**
     * @param m a measure
     * @param own the fields of the report's type
     * @param fields the fields of any type
     * @return its header, e.g. "Count" or "Sum of Amount"
     */
    static String header(Measure m, Map<String, FieldDefinition> own,
            Function<String, Map<String, FieldDefinition>> fields) {
        return switch (m.aggregate()) {
            case COUNT -> "Count";
            case SUM -> "Sum of " + label(m.field().orElse(""), own, fields);
            case AVG -> "Average of " + label(m.field().orElse(""), own, fields);
            case MIN -> "Minimum of " + label(m.field().orElse(""), own, fields);
            case MAX -> "Maximum of " + label(m.field().orElse(""), own, fields);
        };
    }

    /**
     * The filter that keeps the records whose period field falls in the period, both days included in the caller's
     * zone: a date field between the two days, a date-time field between the first and the last instant of them
     * (as UTC, as the record platform stores and filters date-times).
     *
     * @param field the period field
     * @param period the period
     * @param zone the caller's time zone
     * @return the filter
     */
    public static Filter periodFilter(FieldDefinition field, Period period, ZoneId zone) {
        if (field.type() == FieldType.DATE_TIME) {
            LocalDateTime from = period.from().atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime();
            LocalDateTime to = period.to().plusDays(1).atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime().minusNanos(1_000_000);
            return new Filter(field.name(), FilterOp.BETWEEN, List.of(from.toString(), to.toString()));
        }
        return new Filter(field.name(), FilterOp.BETWEEN, List.of(period.from().toString(), period.to().toString()));
    }

    /**
     * @param rows the rows in the groupings' order
     * @param sort the order wanted
     * @param limit the most rows, 0 for all
     * @return the rows sorted (stable: ties keep the groupings' order) and cut
     */
    public static List<AggregateRow> order(List<AggregateRow> rows, ReportSort sort, int limit) {
        List<AggregateRow> sorted = new ArrayList<>(rows);
        if (sort != ReportSort.GROUPS && !rows.isEmpty() && !rows.get(0).values().isEmpty()) {
            Comparator<AggregateRow> byValue = Comparator.comparing(r -> r.value(0));
            sorted.sort(sort == ReportSort.VALUE_DESC ? byValue.reversed() : byValue);
        }
        return limit > 0 && sorted.size() > limit ? List.copyOf(sorted.subList(0, limit)) : List.copyOf(sorted);
    }

    private static boolean date(FieldDefinition field) {
        return field.type() == FieldType.DATE || field.type() == FieldType.DATE_TIME;
    }

    private static boolean number(FieldDefinition field) {
        return field.type() == FieldType.NUMBER || field.type() == FieldType.MONEY;
    }

    private static String word(Aggregate aggregate) {
        return switch (aggregate) {
            case SUM -> "sum";
            case AVG -> "average";
            case MIN -> "take the minimum of";
            case MAX -> "take the maximum of";
            case COUNT -> "count";
        };
    }
}
