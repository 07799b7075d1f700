package org.tesseracrm.forecasts.api;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forecast period: a month, quarter or half-year of a year. Written {@code 2026-M03} (or {@code 2026-03}),
 * {@code 2026-Q4} and {@code 2026-H1}; {@link #toString()} gives the first form.
 *
 * @param type month, quarter or half-year
 * @param year the year, 1900 to 9999
 * @param number which period of the year, from 1 ({@link PeriodType#perYear()} at most)
 */
public record ForecastPeriod(PeriodType type, int year, int number) {
    private static final Pattern WRITTEN = Pattern.compile("(\\d{4})-([MQH]?)(\\d{1,2})");

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException for a year or number out of range, with a message for users
     */
    public ForecastPeriod {
        Objects.requireNonNull(type, "type");
        if (year < 1900 || year > 9999) {
            throw new IllegalArgumentException("The year must be between 1900 and 9999, not " + year + ".");
        }
        if (number < 1 || number > type.perYear()) {
            throw new IllegalArgumentException("A year has " + type.perYear() + " periods of this kind: "
                    + "choose 1 to " + type.perYear() + ", not " + number + ".");
        }
    }

    /**
     * @param text {@code 2026-Q4}, {@code 2026-H1}, {@code 2026-M03} or {@code 2026-03} (letters in either case)
     * @return the period it names
     * @throws IllegalArgumentException for any other text, with a message for users
     */
    public static ForecastPeriod parse(String text) {
        Matcher m = text == null ? null : WRITTEN.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("Write a period as 2026-Q4 (quarter), 2026-H1 (half-year) or 2026-M03 "
                    + "(month), not \"" + text + "\".");
        }
        PeriodType type = switch (m.group(2)) {
            case "Q" -> PeriodType.QUARTER;
            case "H" -> PeriodType.HALF_YEAR;
            default -> PeriodType.MONTH;
        };
        return new ForecastPeriod(type, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)));
    }

    /**
     * @param type the period type
     * @param day a day
     * @return the period of that type the day falls in
     */
    public static ForecastPeriod containing(PeriodType type, LocalDate day) {
        return new ForecastPeriod(type, day.getYear(), (day.getMonthValue() - 1) / type.months() + 1);
    }

    /** @return the first day of the period */
    public LocalDate start() {
        return LocalDate.of(year, (number - 1) * type.months() + 1, 1);
    }

    /** @return the last day of the period (inclusive) */
    public LocalDate end() {
        return start().plusMonths(type.months()).minusDays(1);
    }

    /**
     * @param day a day
     * @return whether it lies in the period
     */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start()) && !day.isAfter(end());
    }

    /** @return the next period of the same type */
    public ForecastPeriod next() {
        return number == type.perYear() ? new ForecastPeriod(type, year + 1, 1) : new ForecastPeriod(type, year, number + 1);
    }

    /** @return the previous period of the same type */
    public ForecastPeriod previous() {
        return number == 1 ? new ForecastPeriod(type, year - 1, type.perYear()) : new ForecastPeriod(type, year, number - 1);
    }

    /** @return a name for people: {@code Q4 2026}, {@code H1 2026}, {@code March 2026} */
    public String label() {
        return type == PeriodType.MONTH
                ? Month.of(number).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year
                : type.letter() + number + " " + year;
    }

    /** @return the written form: {@code 2026-Q4}, {@code 2026-H1}, {@code 2026-M03} */
    @Override
    public String toString() {
        return year + "-" + type.letter() + (type == PeriodType.MONTH && number < 10 ? "0" : "") + number;
    }
}
