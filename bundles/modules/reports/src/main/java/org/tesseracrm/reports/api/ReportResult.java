package org.tesseracrm.reports.api;

import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.AggregateRow;

/**
 * What running a report gave, for the caller.
 *
 * @param title the report's name
 * @param groupHeaders one header per grouping (the field's label, with the date bucket)
 * @param measureHeaders one header per measure ("Count", "Sum of Amount")
 * @param rows the rows: keys and labels per grouping, one value per measure
 * @param notice what a user must do when data is missing (e.g. "Fill the field Referenceable on companies"); a
 *     contributed report that cannot compute says so here instead of showing a made-up number
 * @param drillType the record type a click on a row lists; empty: rows have no click-through
 */
public record ReportResult(String title, List<String> groupHeaders, List<String> measureHeaders,
        List<AggregateRow> rows, Optional<String> notice, Optional<String> drillType) {
    /** Copies the lists. */
    public ReportResult {
        groupHeaders = List.copyOf(groupHeaders);
        measureHeaders = List.copyOf(measureHeaders);
        rows = List.copyOf(rows);
        notice = notice == null ? Optional.empty() : notice;
        drillType = drillType == null ? Optional.empty() : drillType;
    }
}
