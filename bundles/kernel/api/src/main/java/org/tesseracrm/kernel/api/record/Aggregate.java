package org.tesseracrm.kernel.api.record;

/**
 * What a {@link Measure} of an aggregate ({@link Records#aggregate}) computes over the records of a group.
 *
 * @since 2.4
 */
public enum Aggregate {
    /** The number of records (with a field: of records holding a value of it). */
    COUNT,
    /** The sum of a number or money field; records without a value count as nothing. */
    SUM,
    /** The average of a number or money field over the records holding a value. */
    AVG,
    /** The smallest value of a number, money, date or date-time field. */
    MIN,
    /** The largest value of a number, money, date or date-time field. */
    MAX
}
