package org.tesseracrm.reports.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A ready-made report a bundle contributes: register an implementation as an OSGi service (whiteboard) and it is
 * listed, run, exported and placed on dashboards like a saved report, under the key {@code source:<id>}. It runs as
 * the caller: compute through {@link ReportContext#records()}, which applies the caller's permissions and record
 * visibility. A source that throws or is slow is contained: the caller gets an error for that report only.
 */
@ConsumerType
public interface ReportSource {
    /** @return a stable id, unique among sources, e.g. {@code kpi.nps} (letters, digits, dot, dash, underscore) */
    String id();

    /** @return the name users see */
    String title();

    /** @return what it shows, e.g. a KPI's formula; shown beside the result */
    String description();

    /** @return a permission the caller needs besides {@code reports.view}; empty for none */
    default Optional<String> permission() {
        return Optional.empty();
    }

    /** @return how its result is drawn */
    ChartKind chart();

    /**
     * @param context the period, the caller's zone and locale, and the record platform
     * @return the result; when data it needs is missing, a {@link ReportResult#notice} saying which field to fill
     *     rather than a made-up number
     */
    ReportResult run(ReportContext context);

    /**
     * The records behind one row, when the result has a {@link ReportResult#drillType}.
     *
     * @param context as {@link #run}
     * @param rowKeys the row's keys
     * @return the records to list; empty when rows have no click-through
     */
    default Optional<Drill> drill(ReportContext context, List<Optional<String>> rowKeys) {
        return Optional.empty();
    }
}
