package org.tesseracrm.reports.api;

import java.time.Instant;

/**
 * A saved report.
 *
 * @param id its id
 * @param version its version, for {@code Reports.save} and {@code delete} (optimistic locking)
 * @param name what users call it
 * @param description what it shows, in the owner's words; may be blank
 * @param owner the user name of who saved it first
 * @param spec what it computes
 * @param sharing who else sees it
 * @param updatedAt when it last changed
 */
public record Report(long id, long version, String name, String description, String owner, ReportSpec spec,
        Sharing sharing, Instant updatedAt) {
    /** @return the key {@link Reports#run} takes for it: {@code report:<id>} */
    public String key() {
        return ReportInfo.REPORT_PREFIX + id;
    }
}
