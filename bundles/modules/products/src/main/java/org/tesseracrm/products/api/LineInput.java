package org.tesseracrm.products.api;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a sales document as the user enters it, for {@link LineItems#replace}. The values are taken as
 * entered: the unit price, discount and tax may differ from the price list and the product
 * ({@link LineItems#propose} gives the values a new line starts with).
 *
 * @param id the stored line this input keeps ({@link LineItem#id}), empty for a new line. A kept line keeps the
 *     product name, code and cost type it was saved with, and its product may since have been made inactive; a new
 *     line (or a kept one whose product changed) needs an active product
 * @param productId the product (required)
 * @param description the line's description, at most {@value LineItems#MAX_DESCRIPTION} characters; empty for none
 * @param unitPrice the price of one unit: 0 or more, at most as many decimals as the currency has
 * @param quantity more than 0, at most 4 decimals
 * @param discountPercent 0 to 100, at most 4 decimals
 * @param taxPercent 0 to 100, at most 4 decimals
 */
public record LineInput(Optional<Long> id, long productId, String description, BigDecimal unitPrice,
        BigDecimal quantity, BigDecimal discountPercent, BigDecimal taxPercent) {
    /** Checks every part is present. */
    public LineInput {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(discountPercent, "discountPercent");
        Objects.requireNonNull(taxPercent, "taxPercent");
    }

    /**
     * A new line with the values a proposal gives (list price, the quantity range's discount, the product's tax
     * and description).
     *
     * @param proposal what {@link LineItems#propose} proposed
     * @return the new line's input
     */
    public static LineInput of(LineProposal proposal) {
        return new LineInput(Optional.empty(), proposal.productId(), proposal.description(), proposal.unitPrice(),
                proposal.quantity(), proposal.discountPercent(), proposal.taxPercent());
    }

    /**
     * @param currency the document's currency
     * @return this line's amounts by {@link LineAmounts#of}
     */
    public LineAmounts amounts(String currency) {
        return LineAmounts.of(unitPrice, quantity, discountPercent, taxPercent, currency);
    }
}
