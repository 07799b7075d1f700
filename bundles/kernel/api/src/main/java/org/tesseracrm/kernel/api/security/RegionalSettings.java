package org.tesseracrm.kernel.api.security;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * How a user reads and enters dates and times: their time zone and their locale. Stored instants stay
 * UTC; screens, exports and notifications convert them into this zone and write them in this locale.
 *
 * @param zone the time zone, e.g. {@code Europe/Berlin}
 * @param locale the locale, e.g. {@code de-DE}: the order of day and month, month names, 12 or 24 hours
 */
public record RegionalSettings(ZoneId zone, Locale locale) implements Serializable {
    /** What a user has until their first sign-in gives their browser's settings, and what the system uses. */
    public static final RegionalSettings DEFAULT = new RegionalSettings(ZoneId.of("UTC"), Locale.US);

    /** Checks both are present. */
    public RegionalSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(locale, "locale");
    }
}
