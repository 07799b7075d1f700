package org.tesseracrm.collections.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One obligation of a collection: an amount the customer owes by a due date, what was paid of it and what came of
 * the steps taken to collect it. Amounts are at the collection currency's scale.
 *
 * @param id the obligation's id
 * @param position its place in the collection, from 1
 * @param amount what is owed, above 0
 * @param dueDate when it is due
 * @param status one of {@link CollectionFields#OBLIGATION_STATUSES}
 * @param amountPaid what was paid, 0 to {@code amount}
 * @param result what came of the last collection step, possibly empty
 * @param notes free text, possibly empty
 */
public record Obligation(long id, int position, BigDecimal amount, LocalDate dueDate, String status,
        BigDecimal amountPaid, String result, String notes) {
    /** Checks the parts are present. */
    public Obligation {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(amountPaid, "amountPaid");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(notes, "notes");
    }

    /** @return what is still owed: amount minus amount paid, 0 for an obligation written off */
    public BigDecimal outstanding() {
        return CollectionFields.WRITTEN_OFF.equals(status) ? BigDecimal.ZERO.setScale(amount.scale())
                : amount.subtract(amountPaid);
    }
}
