package org.tesseracrm.collections.api;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How late an outstanding amount is, in whole days past its due date: due today or later is current; 1 to 30 days
 * late, 31 to 60, 61 to 90, and over 90.
 */
public enum AgingBucket {
    /** Not yet due (due today or later). */
    CURRENT("Current", Long.MIN_VALUE, 0),
    /** 1 to 30 days past due. */
    DAYS_1_30("1-30", 1, 30),
    /** 31 to 60 days past due. */
    DAYS_31_60("31-60", 31, 60),
    /** 61 to 90 days past due. */
    DAYS_61_90("61-90", 61, 90),
    /** More than 90 days past due. */
    OVER_90("Over 90", 91, Long.MAX_VALUE);

    private final String label;
    private final long fromDays;
    private final long toDays;

    AgingBucket(String label, long fromDays, long toDays) {
        this.label = label;
        this.fromDays = fromDays;
        this.toDays = toDays;
    }

    /** @return the column heading, e.g. "31-60" */
    public String label() {
        return label;
    }

    /**
     * @param dueDate an obligation's due date
     * @param today the day the aging is made on
     * @return the bucket of an amount due then
     */
    public static AgingBucket of(LocalDate dueDate, LocalDate today) {
        long late = ChronoUnit.DAYS.between(dueDate, today);
        for (AgingBucket bucket : values()) {
            if (late >= bucket.fromDays && late <= bucket.toDays) {
                return bucket;
            }
        }
        throw new IllegalStateException("no bucket for " + late + " days");
    }

    /**
     * @param today the day the aging is made on
     * @return the earliest due date of the bucket; empty for {@link #OVER_90}, which has none
     */
    public java.util.Optional<LocalDate> earliestDue(LocalDate today) {
        return toDays == Long.MAX_VALUE ? java.util.Optional.empty() : java.util.Optional.of(today.minusDays(toDays));
    }

    /**
     * @param today the day the aging is made on
     * @return the latest due date of the bucket; empty for {@link #CURRENT}, which has none
     */
    public java.util.Optional<LocalDate> latestDue(LocalDate today) {
        return fromDays == Long.MIN_VALUE ? java.util.Optional.empty()
                : java.util.Optional.of(today.minusDays(fromDays));
    }
}
