package org.tesseracrm.reports.api;

/** How often a scheduled report is e-mailed. */
public enum Frequency {
    /** Not scheduled (cancels a schedule). */
    NONE,
    /** Every day. */
    DAILY,
    /** Every Monday. */
    WEEKLY,
    /** On the first day of every month. */
    MONTHLY
}
