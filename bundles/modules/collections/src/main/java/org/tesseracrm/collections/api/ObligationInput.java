package org.tesseracrm.collections.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An obligation as a form or an API client sends it to {@link Receivables#saveObligations}. Missing values are
 * refused per row ({@code obligations[i].amount}...), not thrown: the parts may be null.
 *
 * @param id the id of an obligation the collection has (kept), or empty for a new one
 * @param amount what is owed: above 0, with at most the currency's decimals
 * @param dueDate when it is due
 * @param status one of {@link CollectionFields#OBLIGATION_STATUSES}; empty or null to follow the amount paid
 *     (Pending, Partially paid, Paid); {@link CollectionFields#PAID Paid} sets the amount paid to the amount
 * @param amountPaid what was paid (0 when null), at most the amount
 * @param result what came of the last collection step (up to 200 characters), may be null
 * @param notes free text (up to 2,000 characters), may be null
 */
public record ObligationInput(Optional<Long> id, BigDecimal amount, LocalDate dueDate, String status,
        BigDecimal amountPaid, String result, String notes) {
    /** Reads a missing id as a new obligation. */
    public ObligationInput {
        id = id == null ? Optional.empty() : id;
    }

    /**
     * @param obligation a saved obligation
     * @return it as input, to send back unchanged or changed
     */
    public static ObligationInput of(Obligation obligation) {
        return new ObligationInput(Optional.of(obligation.id()), obligation.amount(), obligation.dueDate(),
                obligation.status(), obligation.amountPaid(), obligation.result(), obligation.notes());
    }
}
