package org.tesseracrm.products.api;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One stored line of a sales document (an opportunity's product lines, a quote's offer detail), as
 * {@link LineItems#lines} reads it. The product's name, code and cost type are kept as they were when the line was
 * first saved (a later rename of the product does not change a sent quote); the editable values (description, unit
 * price, quantity, discount, tax) are what the user entered; the amounts are computed from them by
 * {@link LineAmounts#of} in the document's currency.
 *
 * @param id the line's id, unique over all documents
 * @param position its place in the document, 1 for the first line
 * @param productId the product the line sells (the product may have been deleted since)
 * @param productCode the product's code when the line was added
 * @param productName the product's name when the line was added
 * @param description the line's description (empty for none)
 * @param costType how the product is paid: {@link ProductFields#MONTHLY}, {@link ProductFields#ON_DEMAND} or
 *     {@link ProductFields#ONE_TIME} (a product without a cost type counts as one time)
 * @param unitPrice the price of one unit, at the currency's scale
 * @param quantity how many units (more than 0, up to 4 decimals)
 * @param discountPercent the discount in percent, 0 to 100
 * @param taxPercent the tax in percent, 0 to 100
 * @param amounts amount, discount, net, tax and total at the currency's scale
 */
public record LineItem(long id, int position, long productId, String productCode, String productName,
        String description, String costType, BigDecimal unitPrice, BigDecimal quantity, BigDecimal discountPercent,
        BigDecimal taxPercent, LineAmounts amounts) {
    /** Checks every part is present. */
    public LineItem {
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(costType, "costType");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(discountPercent, "discountPercent");
        Objects.requireNonNull(taxPercent, "taxPercent");
        Objects.requireNonNull(amounts, "amounts");
    }

    /** @return the ISO 4217 code of the line's amounts (the document's currency) */
    public String currency() {
        return amounts.currency();
    }

    /** @return the line as input for {@link LineItems#replace}, keeping its id (so its product need not be active) */
    public LineInput toInput() {
        return new LineInput(Optional.of(id), productId, description, unitPrice, quantity, discountPercent,
                taxPercent);
    }
}
