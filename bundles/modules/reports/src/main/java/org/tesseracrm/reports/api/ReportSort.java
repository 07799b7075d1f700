package org.tesseracrm.reports.api;

/** The order of a report's rows. */
public enum ReportSort {
    /** In the groupings' order (pick-lists in the admin's order, dates ascending, others by label). */
    GROUPS,
    /** By the first measure, largest first (a "top 10" with {@link ReportSpec#limit}). */
    VALUE_DESC,
    /** By the first measure, smallest first. */
    VALUE_ASC
}
