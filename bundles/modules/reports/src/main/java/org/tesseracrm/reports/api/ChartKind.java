package org.tesseracrm.reports.api;

/** How a report's result is drawn. Every kind also has the result's table beside it. */
public enum ChartKind {
    /** The table only. */
    TABLE,
    /** Bars, one per first-grouping value (a second grouping draws bars side by side). */
    BAR,
    /** Bars of the first grouping, stacked by the second. */
    STACKED_BAR,
    /** A line per measure (or per second-grouping value) over the first grouping, usually a date bucket. */
    LINE,
    /** Slices of the first measure by the first grouping. */
    PIE,
    /** A pie with a hole. */
    DONUT,
    /** The first measure by the first grouping, in the grouping's order (pipeline phases). */
    FUNNEL,
    /** One figure: the first measure of the first row (a report without groupings). */
    KPI
}
