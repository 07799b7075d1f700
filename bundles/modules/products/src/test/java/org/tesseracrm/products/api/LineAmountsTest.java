package org.tesseracrm.products.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** A line's amounts, each rounded once to the currency's scale, half up. Expected values worked out by hand. */
class LineAmountsTest {
    @Test
    void aLineWithDiscountAndTaxInEuros() {
        // 3 x 19.99 = 59.97; discount 10 % = 5.997 -> 6.00; net 53.97; tax 21 % = 11.3337 -> 11.33; total 65.30
        LineAmounts line = LineAmounts.of(new BigDecimal("19.99"), new BigDecimal("3"), BigDecimal.TEN,
                new BigDecimal("21"), "EUR");
        assertEquals(new LineAmounts("EUR", new BigDecimal("59.97"), new BigDecimal("6.00"), new BigDecimal("53.97"),
                new BigDecimal("11.33"), new BigDecimal("65.30")), line);
    }

    @Test
    void yenHaveNoDecimals() {
        // 7 x 1,234 = 8,638; discount 12.5 % = 1,079.75 -> 1,080; net 7,558; tax 10 % = 755.8 -> 756; total 8,314
        LineAmounts line = LineAmounts.of(new BigDecimal("1234"), new BigDecimal("7"), new BigDecimal("12.5"),
                BigDecimal.TEN, "JPY");
        assertEquals(new LineAmounts("JPY", new BigDecimal("8638"), new BigDecimal("1080"), new BigDecimal("7558"),
                new BigDecimal("756"), new BigDecimal("8314")), line);
    }

    @Test
    void theAmountIsRoundedNotThePrice() {
        // 2.5 x 0.99 = 2.475, a tie -> 2.48; nothing else
        LineAmounts line = LineAmounts.of(new BigDecimal("0.99"), new BigDecimal("2.5"), BigDecimal.ZERO,
                BigDecimal.ZERO, "EUR");
        assertEquals(new BigDecimal("2.48"), line.amount());
        assertEquals(new BigDecimal("0.00"), line.discount());
        assertEquals(new BigDecimal("2.48"), line.total());
        // a price with more decimals than the currency: 1,000 x 0.0015 = 1.5 -> 1.50 (the price is not rounded to 0.00 first)
        assertEquals(new BigDecimal("1.50"), LineAmounts.of(new BigDecimal("0.0015"), new BigDecimal("1000"),
                BigDecimal.ZERO, BigDecimal.ZERO, "EUR").amount());
    }

    @Test
    void theTaxIsOnTheNetAmountAndTiesGoUp() {
        // 1 x 11.17 = 11.17; discount 10 % = 1.117 -> 1.12; net 10.05; tax 10 % = 1.005, a tie -> 1.01; total 11.06
        LineAmounts line = LineAmounts.of(new BigDecimal("11.17"), BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN, "EUR");
        assertEquals(new BigDecimal("1.12"), line.discount());
        assertEquals(new BigDecimal("10.05"), line.net());
        assertEquals(new BigDecimal("1.01"), line.tax());
        assertEquals(new BigDecimal("11.06"), line.total());
    }

    @Test
    void aFullDiscountLeavesNothingToTax() {
        LineAmounts line = LineAmounts.of(new BigDecimal("50"), new BigDecimal("2"), new BigDecimal("100"),
                new BigDecimal("21"), "USD");
        assertEquals(new BigDecimal("100.00"), line.amount());
        assertEquals(new BigDecimal("100.00"), line.discount());
        assertEquals(0, line.total().signum());
    }
}
