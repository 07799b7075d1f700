package org.tesseracrm.forecasts.api;

/** The length of a forecast period. */
public enum PeriodType {
    /** A calendar month, 1 to 12; written {@code 2026-M03}. */
    MONTH(12, 1, "M"),
    /** A calendar quarter, 1 to 4 (January-March is 1); written {@code 2026-Q4}. */
    QUARTER(4, 3, "Q"),
    /** A half-year, 1 (January-June) or 2; written {@code 2026-H2}. */
    HALF_YEAR(2, 6, "H");

    private final int count;
    private final int months;
    private final String letter;

    PeriodType(int count, int months, String letter) {
        this.count = count;
        this.months = months;
        this.letter = letter;
    }

    /** @return how many periods of this type a year has */
    public int perYear() {
        return count;
    }

    /** @return how many months a period of this type lasts */
    public int months() {
        return months;
    }

    /** @return the letter of the written form: M, Q or H */
    public String letter() {
        return letter;
    }
}
