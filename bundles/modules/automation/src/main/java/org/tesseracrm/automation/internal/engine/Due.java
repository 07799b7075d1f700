package org.tesseracrm.automation.internal.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.tesseracrm.kernel.api.automation.TimeSpan;

/**
 * The engine's time arithmetic: when a delayed action is due, and when a "date reached" trigger fires, with the
 * kernel's {@link TimeSpan#addTo} counting (minutes and hours elapsed; days, weeks and months calendar units in the
 * company's time zone).
 */
public final class Due {
    private Due() {
    }

    /**
     * @param from an instant
     * @param span an amount of time
     * @param zone the zone calendar units count in
     * @param sign 1 to add, -1 to subtract
     * @return {@code from} moved by the span
     */
    public static Instant plus(Instant from, TimeSpan span, ZoneId zone, int sign) {
        ZonedDateTime at = ZonedDateTime.ofInstant(from, zone);
        return (sign < 0 ? span.subtractFrom(at) : span.addTo(at)).toInstant();
    }

    /**
     * When a "date reached" trigger fires for a field's value.
     *
     * @param value the field's value: a date (its start in the zone) or a date-time (stored in UTC, as the record
     *     platform stores them); anything else or null gives empty
     * @param offset how long before or after
     * @param before true for before the value, false for after
     * @param zone the company's time zone
     * @return the instant the trigger fires at, empty without a date
     */
    public static Optional<Instant> dateReached(Object value, TimeSpan offset, boolean before, ZoneId zone) {
        Instant at;
        if (value instanceof LocalDateTime time) {
            at = time.toInstant(ZoneOffset.UTC);
        } else if (value instanceof LocalDate date) {
            at = date.atStartOfDay(zone).toInstant();
        } else {
            return Optional.empty();
        }
        return Optional.of(plus(at, offset, zone, before ? -1 : 1));
    }
}
