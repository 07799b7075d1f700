package org.tesseracrm.kernel.api.record;

/**
 * How an aggregate ({@link Records#aggregate}) groups a date or date-time field: by the day, week, month, quarter
 * or year it falls in, in the caller's time zone.
 *
 * @since 2.4
 */
public enum DateBucket {
    /** A calendar day. */
    DAY,
    /** An ISO week: Monday to Sunday, numbered as ISO 8601 does (week 1 holds the year's first Thursday). */
    WEEK,
    /** A calendar month. */
    MONTH,
    /** A calendar quarter: January to March is the first. */
    QUARTER,
    /** A calendar year. */
    YEAR
}
