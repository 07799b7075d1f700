package org.tesseracrm.reports.internal.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.Drill;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportContext;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.api.ReportSource;
import org.tesseracrm.reports.internal.engine.SpecCheck;

/**
 * What the ready-made KPI and sales analytics reports share. Each reads other modules' records only through the
 * record platform as the caller ({@link ReportContext#records()}: permissions and record visibility apply, two users
 * get their own figures), by record type id and field name, never through a module's internal classes. A record type
 * that is not installed, a field the KPI needs that nobody added yet, or a permission the caller lacks gives a
 * result with a {@link ReportResult#notice notice} saying what to do, and no figure.
 */
abstract class KpiSource implements ReportSource {
    /** Counts are read up to this bound (far beyond any real data set). */
    static final long COUNT_BOUND = 100_000_000L;

    private final RecordTypes types;
    private final CustomFields fields;

    /**
     * @param types the installed record types
     * @param fields the record types' fields, custom ones included (read as the caller)
     */
    KpiSource(RecordTypes types, CustomFields fields) {
        this.types = types;
        this.fields = fields;
    }

    @Override
    public final ReportResult run(ReportContext context) {
        Period period = period(context);
        String title = context.period().isPresent() || periodByDefault()
                ? title() + ", " + period.from() + " – " + period.to() : title();
        try {
            return compute(context, period, title);
        } catch (PermissionDeniedException e) {
            return notice(title, "You may not read the records this report counts (" + e.getMessage()
                    + "). Ask an administrator for the view permission of that module.");
        } catch (ValidationException e) {
            return notice(title, "This report could not be computed: " + e.getMessage());
        } catch (MissingData e) {
            return notice(title, e.getMessage());
        }
    }

    /**
     * @param context as {@link #run}
     * @param period the period asked for, or the year to date
     * @param title the result's title, with the period
     * @return the result
     * @throws MissingData when a record type or field it needs is not there
     */
    abstract ReportResult compute(ReportContext context, Period period, String title);

    /**
     * @return true (the default) if the report runs for the year to date when no period is asked for; false if it
     *     then runs over all records (a pipeline)
     */
    boolean periodByDefault() {
        return true;
    }

    @Override
    public ChartKind chart() {
        return ChartKind.KPI;
    }

    /**
     * @param context the run's context
     * @return the period asked for; without one, the calendar year to today in the caller's zone
     */
    static Period period(ReportContext context) {
        return context.period().orElseGet(() -> {
            LocalDate today = LocalDate.now(context.zone());
            return new Period(today.withDayOfYear(1), today);
        });
    }

    /**
     * @param type a record type id
     * @param module the name of the module providing it, as the admin's module list shows it
     * @param feature its Karaf feature
     * @return the type's fields by name, custom ones included
     * @throws MissingData naming the module to install when the type is not there
     */
    Map<String, FieldDefinition> require(String type, String module, String feature) {
        if (types.find(type).isEmpty()) {
            throw new MissingData("Install the " + module + " module (Administration > Modules, or feature " + feature
                    + ") to see this report.");
        }
        try {
            Map<String, FieldDefinition> byName = new LinkedHashMap<>();
            fields.fields(type).forEach(f -> byName.put(f.name(), f));
            return byName;
        } catch (NotFoundException e) {
            throw new MissingData("Install the " + module + " module (feature " + feature + ") to see this report.");
        }
    }

    /**
     * @param type a record type id
     * @return whether a module providing it is installed
     */
    boolean installed(String type) {
        return types.find(type).isPresent();
    }

    /**
     * @param fieldsOfType a type's fields by name
     * @param name the field a KPI reads
     * @param fieldType the type it must have
     * @return whether it is there with that type
     */
    static boolean has(Map<String, FieldDefinition> fieldsOfType, String name, FieldType fieldType) {
        FieldDefinition field = fieldsOfType.get(name);
        return field != null && field.type() == fieldType;
    }

    /**
     * @param field a date or date-time field
     * @param period the period
     * @param context the caller's zone
     * @return the filter keeping the records whose value falls in the period (a date-time in the caller's zone)
     */
    static Filter in(FieldDefinition field, Period period, ReportContext context) {
        return SpecCheck.periodFilter(field, period, context.zone());
    }

    /**
     * @param field a date field
     * @param day a day
     * @return values up to and including the day
     */
    static Filter upTo(String field, LocalDate day) {
        return new Filter(field, FilterOp.BETWEEN, List.of("", day.toString()));
    }

    /**
     * @param filters filters
     * @return the list query of the records matching them
     */
    static RecordQuery query(List<Filter> filters) {
        return new RecordQuery(0, 1, List.of(), Optional.empty(), filters);
    }

    /**
     * @param records the record platform as the caller
     * @param type a record type id
     * @param filters filters, all of which must hold
     * @return how many records the caller sees that match them
     */
    static long count(Records records, String type, Filter... filters) {
        return records.count(type, query(List.of(filters)), COUNT_BOUND);
    }

    /**
     * @param title the result's title
     * @param headers the figures' names
     * @param values the figures, null for none
     * @param notice what to do about missing data, if anything
     * @param drillType the record type a click on the row lists; empty for none
     * @return a result of one row without groupings (a KPI tile shows its first figure)
     */
    static ReportResult figures(String title, List<String> headers, List<BigDecimal> values, Optional<String> notice,
            Optional<String> drillType) {
        return new ReportResult(title, List.of(), headers, List.of(new AggregateRow(List.of(), List.of(), values)),
                notice, drillType);
    }

    /**
     * @param title the result's title
     * @param text what the user must do
     * @return a result without rows that says so
     */
    static ReportResult notice(String title, String text) {
        return new ReportResult(title, List.of(), List.of(), List.of(), Optional.of(text), Optional.empty());
    }

    /**
     * @param value a figure, if computed
     * @return it, or null for none (shown empty)
     */
    static BigDecimal orNull(Optional<BigDecimal> value) {
        return value.orElse(null);
    }

    /**
     * @param values numbers
     * @return them as figures
     */
    static List<BigDecimal> numbers(Object... values) {
        List<BigDecimal> list = new ArrayList<>();
        for (Object value : values) {
            if (value == null) {
                list.add(null);
            } else if (value instanceof BigDecimal decimal) {
                list.add(decimal);
            } else if (value instanceof Optional<?> optional) {
                list.add((BigDecimal) optional.orElse(null));
            } else {
                list.add(BigDecimal.valueOf(((Number) value).longValue()));
            }
        }
        return list;
    }

    /**
     * @param context the run
     * @param type the record type grouped
     * @param filters the report's own filters (period included), built only when the type is installed
     * @param groups the groupings of its rows
     * @param rowKeys a row's keys
     * @return the records of that row; empty when the type is not installed
     */
    Optional<Drill> drillRow(ReportContext context, String type, java.util.function.Supplier<List<Filter>> filters,
            List<Grouping> groups, List<Optional<String>> rowKeys) {
        if (!installed(type)) {
            return Optional.empty();
        }
        List<Filter> all = new ArrayList<>(filters.get());
        all.addAll(context.records().aggregateFilters(type, groups, rowKeys));
        return Optional.of(new Drill(type, Optional.empty(), all));
    }

    /** A record type or field a report needs is not there; its message says what to do. */
    static final class MissingData extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** @param message what the user must do */
        MissingData(String message) {
            super(message, null, false, false);
        }
    }
}
