package org.tesseracrm.products.api;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The values a new line for a product starts with, as {@link LineItems#propose} works them out: the list price
 * (from the price list when it has the product, else the product's own unit price when it is in the document's
 * currency, else 0 with a {@link #notice}), the discount of the quantity range the quantity lies in (0 outside the
 * ranges or without a list), the product's tax rate, cost type and description. {@link LineInput#of} turns it into
 * a line to save; the user may change the price, discount and tax before saving.
 *
 * @param productId the product
 * @param productCode its code
 * @param productName its name
 * @param description its description (empty for none)
 * @param costType its cost type ({@link ProductFields#ONE_TIME} when it has none)
 * @param unitPrice the proposed price of one unit, at the currency's scale
 * @param quantity the quantity proposed for
 * @param range the quantity range of the price list the quantity lies in; empty for none
 * @param discountPercent the range's discount, 0 without one
 * @param taxPercent the product's tax rate, 0 when it has none
 * @param priceListId the price list the price comes from; empty when it does not come from a list
 * @param notice what the user should know about the proposal (no price found, the list has no price for the
 *     product); empty when the price was found
 * @param amounts the line's amounts with these values ({@link LineAmounts#of})
 */
public record LineProposal(long productId, String productCode, String productName, String description,
        String costType, BigDecimal unitPrice, BigDecimal quantity, Optional<QuantityRange> range,
        BigDecimal discountPercent, BigDecimal taxPercent, Optional<Long> priceListId, Optional<String> notice,
        LineAmounts amounts) {
    /** Checks every part is present. */
    public LineProposal {
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(costType, "costType");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(discountPercent, "discountPercent");
        Objects.requireNonNull(taxPercent, "taxPercent");
        Objects.requireNonNull(priceListId, "priceListId");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(amounts, "amounts");
    }
}
