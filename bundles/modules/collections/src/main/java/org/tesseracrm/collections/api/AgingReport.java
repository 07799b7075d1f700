package org.tesseracrm.collections.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The aging of the outstanding amounts the caller may see, on one day.
 *
 * @param by what the rows are
 * @param asOf the day the days past due are counted to
 * @param rows one per customer (or collector) and currency, by label
 * @param totals one per currency: the sums of the rows in it (key and label {@code total})
 */
public record AgingReport(AgingBy by, LocalDate asOf, List<AgingRow> rows, List<AgingRow> totals) {
    /** Keeps unmodifiable copies. */
    public AgingReport {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(asOf, "asOf");
        rows = List.copyOf(rows);
        totals = List.copyOf(totals);
    }
}
