package org.tesseracrm.reports.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.Aggregate;
import org.tesseracrm.kernel.api.record.DateBucket;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.Measure;
import org.tesseracrm.reports.api.ChartKind;
import org.tesseracrm.reports.api.ReportSort;
import org.tesseracrm.reports.api.ReportSpec;

/**
 * The builder's form as values, and the report spec it stands for: what the selects hold is turned into groupings
 * and measures here, so the rules (a date grouped by month unless another bucket is chosen, a second grouping only
 * after a first, a count needs no field) are tested without a browser.
 *
 * @param recordType the record type id; null while none is chosen
 * @param text the search text
 * @param filters the filter bar's filters
 * @param groups the two grouping rows, in order
 * @param measures the measure rows, in order
 * @param periodField the period field; null for none
 * @param chart the chart kind; null for a table
 * @param sort the row order; null for the groupings' order
 * @param limit the most rows; null or 0 for all
 */
record SpecForm(String recordType, String text, List<Filter> filters, List<GroupRow> groups, List<MeasureRow> measures,
        FieldChoice periodField, ChartKind chart, ReportSort sort, Integer limit) {
    /** The bucket a date grouping gets until the user chooses one. */
    static final DateBucket DEFAULT_BUCKET = DateBucket.MONTH;

    /**
     * A grouping row of the form.
     *
     * @param field the field; null for "no grouping"
     * @param bucket the date bucket; ignored unless the field is a date
     */
    record GroupRow(FieldChoice field, DateBucket bucket) {
        /** @return the kernel grouping; empty for no grouping */
        Optional<Grouping> grouping() {
            if (field == null) {
                return Optional.empty();
            }
            return Optional.of(field.dated() ? Grouping.by(field.name(), bucket == null ? DEFAULT_BUCKET : bucket)
                    : Grouping.by(field.name()));
        }
    }

    /**
     * A measure row of the form.
     *
     * @param aggregate what it computes; null until chosen
     * @param field the field; ignored for a count
     */
    record MeasureRow(Aggregate aggregate, FieldChoice field) {
    }

    /** Copies the lists. */
    SpecForm {
        filters = filters == null ? List.of() : List.copyOf(filters);
        groups = groups == null ? List.of() : List.copyOf(groups);
        measures = measures == null ? List.of() : List.copyOf(measures);
    }

    /**
     * @return the spec the form stands for: the groupings chosen, in order (a second without a first moves up)
     * @throws ValidationException naming the form's part that is missing, with the service's keys
     *     ({@code spec.recordType}, {@code spec.measures})
     */
    ReportSpec spec() {
        List<FieldError> errors = new ArrayList<>();
        if (recordType == null || recordType.isBlank()) {
            errors.add(new FieldError("spec.recordType", "Choose the records to report on"));
        }
        List<Measure> built = new ArrayList<>();
        for (MeasureRow row : measures) {
            if (row.aggregate() == null || row.aggregate() == Aggregate.COUNT) {
                built.add(Measure.count());
            } else if (row.field() == null) {
                errors.add(new FieldError("spec.measures", "Choose the field to " + Labels.aggregate(row.aggregate())
                        .toLowerCase(java.util.Locale.ROOT) + " (figure " + (built.size() + 1) + ")"));
                built.add(Measure.count());
            } else {
                built.add(Measure.of(row.aggregate(), row.field().name()));
            }
        }
        if (built.isEmpty()) {
            errors.add(new FieldError("spec.measures", "Add a figure: a count or a sum, average, minimum or maximum"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<Grouping> grouped = groups.stream().map(GroupRow::grouping).flatMap(Optional::stream).toList();
        return new ReportSpec(recordType, text, filters, grouped, built,
                Optional.ofNullable(periodField).map(FieldChoice::name), chart, sort, limit == null ? 0 : limit);
    }

    /**
     * @param spec a saved report's spec
     * @param choices the fields of its record type
     * @return the form showing it; a field no longer there is shown as its name (the service then refuses it)
     */
    static SpecForm of(ReportSpec spec, FieldChoices choices) {
        List<GroupRow> groups = new ArrayList<>();
        for (Grouping g : spec.groups()) {
            groups.add(new GroupRow(choice(g.field(), choices), g.bucket().orElse(null)));
        }
        List<MeasureRow> measures = spec.measures().stream().map(m -> new MeasureRow(m.aggregate(),
                m.field().map(f -> choice(f, choices)).orElse(null))).toList();
        return new SpecForm(spec.recordType(), spec.text(), spec.filters(), groups, measures,
                spec.periodField().map(f -> choice(f, choices)).orElse(null), spec.chart(), spec.sort(), spec.limit());
    }

    private static FieldChoice choice(String name, FieldChoices choices) {
        return choices.find(name).orElseGet(() -> new FieldChoice(name, name,
                org.tesseracrm.kernel.api.record.FieldType.TEXT));
    }
}
