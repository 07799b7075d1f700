package org.tesseracrm.reports.api;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.Records;

/**
 * What a contributed report runs with.
 *
 * @param period the period asked for; empty for all time
 * @param zone the caller's time zone
 * @param locale the caller's locale
 * @param records the record platform; calls run as the caller, so visibility and permissions apply
 */
public record ReportContext(Optional<Period> period, ZoneId zone, Locale locale, Records records) {
    /** Checks the parts are present. */
    public ReportContext {
        period = period == null ? Optional.empty() : period;
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(records, "records");
    }
}
