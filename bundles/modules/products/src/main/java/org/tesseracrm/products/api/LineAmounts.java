package org.tesseracrm.products.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The amounts of one line of a sales document (a quote line, an opportunity's product line, a price quote), each at
 * the currency's scale, computed by {@link #of} with {@link Money}'s rule:
 * <ol>
 * <li>{@code amount = round(unit price x quantity)}</li>
 * <li>{@code discount = round(amount x discount % / 100)}</li>
 * <li>{@code net = amount - discount}</li>
 * <li>{@code tax = round(net x tax % / 100)}</li>
 * <li>{@code total = net + tax}</li>
 * </ol>
 * where {@code round} is half up to the currency's scale. So {@code net} and {@code total} need no rounding of their
 * own, and totals of a document are the sums of its lines' amounts.
 *
 * @param currency the ISO 4217 code of every amount
 * @param amount unit price x quantity
 * @param discount the discount on the amount
 * @param net the amount less the discount
 * @param tax the tax on the net amount
 * @param total net plus tax
 */
public record LineAmounts(String currency, BigDecimal amount, BigDecimal discount, BigDecimal net, BigDecimal tax,
        BigDecimal total) {
    /** Checks every part is present. */
    public LineAmounts {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(net, "net");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(total, "total");
    }

    /**
     * @param unitPrice the price of one unit (any scale; the amount is rounded, not the price)
     * @param quantity how many units
     * @param discountPercent the discount in percent, 0 for none
     * @param taxPercent the tax in percent, 0 for none
     * @param currency the ISO 4217 code
     * @return the line's amounts at the currency's scale
     */
    public static LineAmounts of(BigDecimal unitPrice, BigDecimal quantity, BigDecimal discountPercent,
            BigDecimal taxPercent, String currency) {
        BigDecimal amount = Money.round(unitPrice.multiply(quantity), currency);
        BigDecimal discount = Money.percentOf(amount, discountPercent, currency);
        BigDecimal net = amount.subtract(discount);
        BigDecimal tax = Money.percentOf(net, taxPercent, currency);
        return new LineAmounts(currency, amount, discount, net, tax, net.add(tax));
    }
    /**
     * @param currency an ISO 4217 code
     * @return amounts of nothing (every part 0 at the currency's scale), to start a sum
     * @since 1.1
     */
    public static LineAmounts zero(String currency) {
        BigDecimal zero = BigDecimal.ZERO.setScale(Money.scale(currency));
        return new LineAmounts(currency, zero, zero, zero, zero, zero);
    }

    /**
     * Adds another line's amounts part by part, exactly (no rounding: both are at the currency's scale), as a
     * document's totals are summed.
     *
     * @param other amounts in the same currency
     * @return the sums
     * @throws IllegalArgumentException if the other amounts are in another currency
     * @since 1.1
     */
    public LineAmounts plus(LineAmounts other) {
        if (!currency.equalsIgnoreCase(other.currency)) {
            throw new IllegalArgumentException("Cannot add " + other.currency + " amounts to " + currency + " ones");
        }
        return new LineAmounts(currency, amount.add(other.amount), discount.add(other.discount), net.add(other.net),
                tax.add(other.tax), total.add(other.total));
    }
}
