package org.tesseracrm.products.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A product's price in a price list, with its quantity discount ranges.
 *
 * @param priceListId the price list
 * @param productId the product
 * @param productCode the product's code
 * @param productName the product's name
 * @param price the price of one unit in the list's currency, at its scale
 * @param ranges the quantity discount ranges, by ascending {@link QuantityRange#from()}; never overlapping
 */
public record ProductPrice(long priceListId, long productId, String productCode, String productName, BigDecimal price,
        List<QuantityRange> ranges) {
    /** Copies the ranges and checks every part is present. */
    public ProductPrice {
        Objects.requireNonNull(productCode, "productCode");
        Objects.requireNonNull(productName, "productName");
        Objects.requireNonNull(price, "price");
        ranges = List.copyOf(ranges);
    }
}
