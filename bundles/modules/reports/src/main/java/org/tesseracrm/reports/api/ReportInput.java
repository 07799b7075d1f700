package org.tesseracrm.reports.api;

/**
 * A report being saved.
 *
 * @param id 0 for a new report, else the id of the report changed
 * @param version the version the caller read (ignored for a new report)
 * @param name 1 to 200 characters
 * @param description up to 2,000 characters; may be blank
 * @param spec what it computes
 * @param sharing who else sees it; anything but private needs {@code reports.share}
 */
public record ReportInput(long id, long version, String name, String description, ReportSpec spec,
        Sharing sharing) {
}
