package org.tesseracrm.products.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The price of a quantity of a product from a price list on a day, as {@link PriceLists#price} resolves it.
 *
 * @param productId the product
 * @param priceListId the price list
 * @param on the day priced
 * @param unitPrice the list price of one unit
 * @param quantity the quantity priced
 * @param range the quantity range the quantity lies in; empty when it lies in none (no discount)
 * @param discountPercent the range's discount, 0 without a range
 * @param taxPercent the product's tax rate, 0 when it has none
 * @param amounts amount, discount, net, tax and total at the currency's scale ({@link LineAmounts#of})
 */
public record PriceQuote(long productId, long priceListId, LocalDate on, BigDecimal unitPrice, BigDecimal quantity,
        Optional<QuantityRange> range, BigDecimal discountPercent, BigDecimal taxPercent, LineAmounts amounts) {
    /** Checks every part is present. */
    public PriceQuote {
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(discountPercent, "discountPercent");
        Objects.requireNonNull(taxPercent, "taxPercent");
        Objects.requireNonNull(amounts, "amounts");
    }

    /** @return the currency of the amounts */
    public String currency() {
        return amounts.currency();
    }
}
