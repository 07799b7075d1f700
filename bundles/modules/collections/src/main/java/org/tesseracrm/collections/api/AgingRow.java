package org.tesseracrm.collections.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One row of the aging: what one customer (or collector) owes in one currency, per bucket.
 *
 * @param key what identifies the row: {@code company:12} or {@code contact:7} for a customer, the user name for a
 *     collector; give it back to {@link Receivables#agedObligations}
 * @param label what names it to users (the company's or contact's title, the user name)
 * @param currency the currency of the amounts
 * @param amounts the outstanding amounts per bucket, in {@link AgingBucket} order
 * @param total their sum
 * @param obligations how many obligations are counted
 */
public record AgingRow(String key, String label, String currency, List<BigDecimal> amounts, BigDecimal total,
        long obligations) {
    /** Keeps an unmodifiable copy of the amounts. */
    public AgingRow {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(total, "total");
        amounts = List.copyOf(amounts);
    }

    /**
     * @param bucket a bucket
     * @return the row's amount in it
     */
    public BigDecimal amount(AgingBucket bucket) {
        return amounts.get(bucket.ordinal());
    }
}
