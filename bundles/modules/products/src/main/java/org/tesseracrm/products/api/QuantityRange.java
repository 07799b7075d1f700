package org.tesseracrm.products.api;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A quantity discount of a product in a price list: a quantity from {@code from} to {@code to}, <b>both
 * inclusive</b>, gets {@code discountPercent}; without {@code to} the range is open-ended (every quantity from
 * {@code from} up). The ranges of one product in one price list never share a quantity (1-9 and 10-49 are fine,
 * 1-10 and 10-49 overlap at 10); gaps are allowed and a quantity in a gap gets no discount.
 *
 * @param from the smallest quantity of the range (more than 0)
 * @param to the largest quantity of the range; empty for no upper end
 * @param discountPercent the discount in percent, 0 to 100
 */
public record QuantityRange(BigDecimal from, Optional<BigDecimal> to, BigDecimal discountPercent) {
    /** Checks every part is present. */
    public QuantityRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(discountPercent, "discountPercent");
    }

    /**
     * @param quantity a quantity
     * @return whether it lies in the range ({@code from <= quantity <= to})
     */
    public boolean contains(BigDecimal quantity) {
        return from.compareTo(quantity) <= 0 && to.map(t -> quantity.compareTo(t) <= 0).orElse(true);
    }

    /**
     * @param other another range
     * @return whether some quantity lies in both
     */
    public boolean overlaps(QuantityRange other) {
        boolean otherStartsBeforeThisEnds = to.map(t -> other.from.compareTo(t) <= 0).orElse(true);
        boolean thisStartsBeforeOtherEnds = other.to.map(t -> from.compareTo(t) <= 0).orElse(true);
        return otherStartsBeforeThisEnds && thisStartsBeforeOtherEnds;
    }
}
