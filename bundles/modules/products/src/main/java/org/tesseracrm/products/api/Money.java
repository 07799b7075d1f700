package org.tesseracrm.products.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/**
 * The one money rule of Tessera's sales documents. Amounts are {@link BigDecimal}s (never {@code double}) at the
 * scale of their currency, {@link Currency#getDefaultFractionDigits()} (2 for EUR and USD, 0 for JPY, 3 for BHD; 2
 * for a code without one). Every computed amount is rounded <b>once, per line, to the currency's scale, half up</b>
 * ({@link RoundingMode#HALF_UP}: a tie goes away from zero, 0.125 EUR -> 0.13, 2.5 JPY -> 3), as a spreadsheet's
 * {@code ROUND} does, so a quote gives the totals a spreadsheet gives for the same lines; totals are sums of rounded
 * line amounts and are never rounded again. Percentages (discount, tax) are exact decimals applied to an amount
 * already at the currency's scale.
 */
public final class Money {
    /** The rounding of every computed amount: half up, to the currency's scale. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    /**
     * @param currency an ISO 4217 code such as {@code EUR}
     * @return its number of decimals: {@link Currency#getDefaultFractionDigits()}, or 2 for a code that has none
     *     (pseudo-currencies such as XXX)
     * @throws IllegalArgumentException for a text that is not an ISO 4217 code
     */
    public static int scale(String currency) {
        int digits = Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT)).getDefaultFractionDigits();
        return digits < 0 ? 2 : digits;
    }

    /**
     * @param currency a text
     * @return whether it is an ISO 4217 currency code
     */
    public static boolean isCurrency(String currency) {
        if (currency == null || currency.strip().length() != 3) {
            return false;
        }
        try {
            Currency.getInstance(currency.strip().toUpperCase(Locale.ROOT));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * @param amount any amount
     * @param currency its currency
     * @return the amount at the currency's scale, rounded {@link #ROUNDING half up}
     */
    public static BigDecimal round(BigDecimal amount, String currency) {
        return amount.setScale(scale(currency), ROUNDING);
    }

    /**
     * @param amount an amount
     * @param percent a percentage such as {@code 12.5}
     * @param currency the amount's currency
     * @return {@code amount x percent / 100} at the currency's scale, rounded half up
     */
    public static BigDecimal percentOf(BigDecimal amount, BigDecimal percent, String currency) {
        return round(amount.multiply(percent).divide(HUNDRED), currency);
    }
}
