package org.tesseracrm.kernel.records.internal;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.tesseracrm.kernel.api.security.UserSettings;

/**
 * The caller's time zone, in which exports write and imports read date-times (stored ones are UTC).
 * Without the settings service (benchmarks build the platform by hand) it is UTC.
 */
final class CallerZone {
    private CallerZone() {
    }

    /**
     * @param settings the users' settings, or null if there is no such service
     * @return the current caller's time zone
     */
    static ZoneId of(UserSettings settings) {
        return settings == null ? ZoneOffset.UTC : settings.regional().zone();
    }

    /**
     * @param value a field value
     * @param zone a time zone
     * @return a stored (UTC) date-time as the local time of that zone; any other value unchanged
     */
    static Object local(Object value, ZoneId zone) {
        return value instanceof LocalDateTime utc
                ? utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDateTime() : value;
    }

    /**
     * @param value a field value read from a file
     * @param zone the time zone it was written in
     * @return a date-time in UTC, to store; any other value unchanged
     */
    static Object utc(Object value, ZoneId zone) {
        return value instanceof LocalDateTime local
                ? local.atZone(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime() : value;
    }
}
