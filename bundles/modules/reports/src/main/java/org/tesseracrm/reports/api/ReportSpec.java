package org.tesseracrm.reports.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.Grouping;
import org.tesseracrm.kernel.api.record.Measure;

/**
 * What a report computes: the records of one type a list query selects (search text and filters, custom fields
 * included), grouped by up to two fields and measured, as {@code Records.aggregate} computes it for the caller.
 * The service checks the parts against the record type ({@code Reports.save} and {@code preview} refuse what does
 * not fit with field errors); this record only normalises them.
 *
 * @param recordType the record type id, e.g. {@code opportunity}
 * @param text search text every record contains; blank for none
 * @param filters conditions every record meets, as a list view's filters
 * @param groups 0 to 2 groupings
 * @param measures 1 to 10 measures
 * @param periodField the DATE or DATETIME field a period (a run's from/to, a dashboard's global period) filters on;
 *     empty: a period does not apply to this report
 * @param chart how the result is drawn
 * @param sort the order of the rows
 * @param limit the most rows shown, after sorting (e.g. a top 10); 0 for all
 */
public record ReportSpec(String recordType, String text, List<Filter> filters, List<Grouping> groups,
        List<Measure> measures, Optional<String> periodField, ChartKind chart, ReportSort sort, int limit) {
    /** The most rows a report's limit may name. */
    public static final int MAX_LIMIT = 1000;

    /** Normalises: null text is blank, lists copied, null chart a table, null sort the groups' order. */
    public ReportSpec {
        Objects.requireNonNull(recordType, "recordType");
        text = text == null ? "" : text.trim();
        filters = filters == null ? List.of() : List.copyOf(filters);
        groups = groups == null ? List.of() : List.copyOf(groups);
        measures = measures == null ? List.of() : List.copyOf(measures);
        periodField = periodField == null ? Optional.empty() : periodField.filter(f -> !f.isBlank());
        chart = chart == null ? ChartKind.TABLE : chart;
        sort = sort == null ? ReportSort.GROUPS : sort;
    }

    /**
     * A report counting the records of a type by up to two groupings, drawn as a table.
     *
     * @param recordType the record type id
     * @param groups 0 to 2 groupings
     * @param measures 1 to 10 measures
     * @return the spec, without filters or period, in the groupings' order
     */
    public static ReportSpec of(String recordType, List<Grouping> groups, List<Measure> measures) {
        return new ReportSpec(recordType, "", List.of(), groups, measures, Optional.empty(), ChartKind.TABLE,
                ReportSort.GROUPS, 0);
    }
}
