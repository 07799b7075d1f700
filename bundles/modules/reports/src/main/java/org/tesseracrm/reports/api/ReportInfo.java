package org.tesseracrm.reports.api;

/**
 * A line of the report list: a saved report the caller sees or a ready-made one contributed by a bundle.
 *
 * @param key {@code report:<id>} for a saved report, {@code source:<source id>} for a contributed one
 * @param name its name
 * @param description what it shows (for a contributed KPI: its definition)
 * @param owner who saved it; blank for a contributed report
 * @param readOnly whether the caller may not change it (contributed, or saved by someone else and the caller is
 *     no admin)
 * @param chart how it is drawn
 * @param recordType the record type it counts; blank for a contributed report
 * @param shared whether a saved report is shared with anyone
 */
public record ReportInfo(String key, String name, String description, String owner, boolean readOnly,
        ChartKind chart, String recordType, boolean shared) {
    /** Key prefix of saved reports. */
    public static final String REPORT_PREFIX = "report:";
    /** Key prefix of contributed reports. */
    public static final String SOURCE_PREFIX = "source:";
}
