package org.tesseracrm.products.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Price lists: a price per product in the list's currency, quantity discount ranges per product, a condition and a
 * validity period, and the resolver that prices a quantity of a product on a day. Reading needs
 * {@code products.view}; every change needs {@link #CONFIGURE}. Invalid input is refused with a
 * {@link org.tesseracrm.kernel.api.ValidationException} whose field errors say what to change (fields
 * {@code name}, {@code currency}, {@code validTo}, {@code conditions}, {@code price}, {@code ranges[i].from},
 * {@code ranges[i].to}, {@code ranges[i].discountPercent}, {@code quantity}, {@code product}, {@code on}); unknown
 * ids give a {@link org.tesseracrm.kernel.api.NotFoundException}.
 */
@ProviderType
public interface PriceLists {
    /** The permission to change price lists, their prices and ranges. */
    String CONFIGURE = "products.configure";

    /** @return every price list, by name */
    List<PriceList> lists();

    /**
     * @param id a price list's id
     * @return the price list
     */
    PriceList get(long id);

    /**
     * @param situation a value per condition dimension (see {@link PriceList#appliesTo})
     * @param currency an ISO 4217 code
     * @param on a day
     * @return the lists in that currency, valid on the day, whose condition the situation meets, by name
     */
    List<PriceList> applicable(Map<String, String> situation, String currency, LocalDate on);

    /**
     * @param input the new list
     * @return it, with its id
     */
    PriceList create(PriceListInput input);

    /**
     * Changes a list. Its prices keep their numbers: a currency change to one of another scale is refused while the
     * list holds prices with more decimals than the new currency has.
     *
     * @param id the list
     * @param input its new name, currency, validity and conditions
     * @return it, changed
     */
    PriceList update(long id, PriceListInput input);

    /**
     * Deletes a list with its prices and ranges.
     *
     * @param id the list
     */
    void delete(long id);

    /**
     * @param priceListId a list
     * @return the prices it holds, by product code
     */
    List<ProductPrice> prices(long priceListId);

    /**
     * @param priceListId a list
     * @param productId a product
     * @return the product's price in the list, if it has one
     */
    Optional<ProductPrice> productPrice(long priceListId, long productId);

    /**
     * Sets a product's price and its quantity ranges in a list, replacing what it had.
     *
     * @param priceListId the list
     * @param productId the product
     * @param price the price of one unit: 0 or more, at most as many decimals as the list's currency has
     * @param ranges the quantity discount ranges, in any order: each from more than 0, to (if any) not below from,
     *     discount 0 to 100, no two sharing a quantity
     * @return the stored price, ranges by ascending from
     */
    ProductPrice setPrice(long priceListId, long productId, BigDecimal price, List<QuantityRange> ranges);

    /**
     * Takes a product out of a list (its ranges too). Nothing happens if it is not in the list.
     *
     * @param priceListId the list
     * @param productId the product
     */
    void removePrice(long priceListId, long productId);

    /**
     * Prices a quantity of a product from a list on a day: the list's price, the discount of the range the quantity
     * lies in (none in a gap), the product's tax rate, and the line's amounts by {@link LineAmounts#of}.
     *
     * @param productId the product
     * @param priceListId the list
     * @param quantity more than 0
     * @param on the day; the list must be valid on it
     * @return the quote
     * @throws org.tesseracrm.kernel.api.ValidationException if the list is not valid on the day, the product has no
     *     price in it, or the quantity is not more than 0
     */
    PriceQuote price(long productId, long priceListId, BigDecimal quantity, LocalDate on);
}
