package org.tesseracrm.kernel.api.automation;

import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;

/**
 * An amount of time as administrators enter it: a whole number of minutes, hours, days, weeks or months, e.g.
 * the "complete within" of an activity action or the offset of a date trigger. Days, weeks and months are
 * calendar units (a month from 31 January is the end of February); what an amount means on a calendar with
 * business hours is the engine's to say (see the module's README).
 *
 * @param amount how many units, not negative
 * @param unit the unit
 */
public record TimeSpan(int amount, Unit unit) {
    /** The units administrators choose from. */
    public enum Unit {
        /** Minutes. */
        MINUTES,
        /** Hours. */
        HOURS,
        /** Calendar days. */
        DAYS,
        /** Calendar weeks. */
        WEEKS,
        /** Calendar months. */
        MONTHS;

        /** @return the unit as {@link TimeSpan#parse} reads it and {@link TimeSpan#toString} writes it */
        public String text() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Checks the amount is not negative. */
    public TimeSpan {
        Objects.requireNonNull(unit, "unit");
        if (amount < 0) {
            throw new IllegalArgumentException("Enter an amount of time of 0 or more, was " + amount);
        }
    }

    /**
     * @param text a whole number and a unit, e.g. {@code 3 days}, {@code 1 week}, {@code 120 MINUTES}
     * @return the span
     * @throws IllegalArgumentException with a message for users when the text does not read
     */
    public static TimeSpan parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s+");
        if (parts.length == 2) {
            String unit = parts[1].toUpperCase(Locale.ROOT);
            for (Unit u : Unit.values()) {
                if (u.name().equals(unit) || u.name().equals(unit + "S")) {
                    try {
                        return new TimeSpan(Integer.parseInt(parts[0]), u);
                    } catch (NumberFormatException e) {
                        break;
                    }
                }
            }
        }
        throw new IllegalArgumentException("Enter an amount of time like 30 minutes, 2 hours, 3 days, 1 week or "
                + "3 months");
    }

    /**
     * @param at a time in a zone
     * @return the time this span later: minutes and hours as elapsed time, days, weeks and months on the calendar of
     *     the zone (a day across a clock change is 23 or 25 hours; a month from 31 January is the end of February)
     * @since 1.1
     */
    public ZonedDateTime addTo(ZonedDateTime at) {
        return switch (unit) {
            case MINUTES -> at.plusMinutes(amount);
            case HOURS -> at.plusHours(amount);
            case DAYS -> at.plusDays(amount);
            case WEEKS -> at.plusWeeks(amount);
            case MONTHS -> at.plusMonths(amount);
        };
    }

    /**
     * @param at a time in a zone
     * @return the time this span earlier, counted as {@link #addTo} counts
     * @since 1.1
     */
    public ZonedDateTime subtractFrom(ZonedDateTime at) {
        return switch (unit) {
            case MINUTES -> at.minusMinutes(amount);
            case HOURS -> at.minusHours(amount);
            case DAYS -> at.minusDays(amount);
            case WEEKS -> at.minusWeeks(amount);
            case MONTHS -> at.minusMonths(amount);
        };
    }

    /** @return the span as {@link #parse} reads it, e.g. {@code 3 days} */
    @Override
    public String toString() {
        return amount + " " + unit.text();
    }
}
