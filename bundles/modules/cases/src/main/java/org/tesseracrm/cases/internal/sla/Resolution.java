package org.tesseracrm.cases.internal.sla;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The resolution time of a priority, as the administrator sets it: minutes, hours or business days of business time.
 * A business day is the calendar's {@link BusinessCalendar#businessDay() average open day} (8 hours for Monday to
 * Friday 09:00-17:00), so one business day from Tuesday 10:00 is Wednesday 10:00.
 *
 * @param amount how many units, at least 1
 * @param unit which unit
 */
public record Resolution(long amount, Unit unit) {
    /** The units of a resolution time. */
    public enum Unit {
        /** Business minutes. */
        MINUTES,
        /** Business hours. */
        HOURS,
        /** Business days of the calendar. */
        DAYS
    }

    /** Checks the values. */
    public Resolution {
        Objects.requireNonNull(unit, "unit");
        if (amount < 1 || amount > 100_000) {
            throw new IllegalArgumentException("A resolution time is 1 to 100000 " + unit.name().toLowerCase(Locale.ROOT)
                    + ", not " + amount + ".");
        }
    }

    /**
     * @param text e.g. {@code 40m}, {@code 4h}, {@code 1d} (also {@code 40 min}, {@code 4 hours}, {@code 3 days})
     * @return the resolution time
     * @throws IllegalArgumentException for text that does not read
     */
    public static Resolution parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        String unit = t.substring(i).trim();
        if (i == 0 || i > 6) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a time such as 40m, 4h or 1d.");
        }
        long amount = Long.parseLong(t.substring(0, i));
        return switch (unit) {
            case "m", "min", "mins", "minute", "minutes" -> new Resolution(amount, Unit.MINUTES);
            case "h", "hour", "hours" -> new Resolution(amount, Unit.HOURS);
            case "d", "day", "days", "business day", "business days" -> new Resolution(amount, Unit.DAYS);
            default -> throw new IllegalArgumentException("'" + text.trim() + "' is not a time such as 40m, 4h or 1d.");
        };
    }

    /**
     * @param calendar the calendar the days are counted in
     * @return the business time it stands for
     */
    public Duration businessTime(BusinessCalendar calendar) {
        return switch (unit) {
            case MINUTES -> Duration.ofMinutes(amount);
            case HOURS -> Duration.ofHours(amount);
            case DAYS -> calendar.businessDay().multipliedBy(amount);
        };
    }

    /** @return the short form, e.g. {@code 40m}, {@code 4h}, {@code 1d}, which {@link #parse} reads back */
    @Override
    public String toString() {
        return amount + switch (unit) {
            case MINUTES -> "m";
            case HOURS -> "h";
            case DAYS -> "d";
        };
    }
}
