package org.tesseracrm.products.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The one money rule: the currency's scale, half up, once per computed amount. Expected values worked out by hand. */
class MoneyTest {
    @Test
    void theScaleIsTheCurrencysNumberOfDecimals() {
        assertEquals(2, Money.scale("EUR"));
        assertEquals(2, Money.scale("usd"), "codes in any case");
        assertEquals(0, Money.scale("JPY"));
        assertEquals(3, Money.scale("BHD"));
        assertEquals(2, Money.scale("XXX"), "a code without decimals of its own counts as 2");
        assertTrue(Money.isCurrency("CHF"));
        assertFalse(Money.isCurrency("EURO"));
        assertFalse(Money.isCurrency("ABC"));
        assertFalse(Money.isCurrency(null));
    }

    @Test
    void tiesAreRoundedHalfUpAwayFromZero() {
        // 0.125 is a tie: half up gives 0.13 (half even would give 0.12)
        assertEquals(new BigDecimal("0.13"), Money.round(new BigDecimal("0.125"), "EUR"));
        assertEquals(new BigDecimal("0.14"), Money.round(new BigDecimal("0.135"), "EUR"));
        assertEquals(new BigDecimal("-0.13"), Money.round(new BigDecimal("-0.125"), "EUR"));
        assertEquals(new BigDecimal("0.12"), Money.round(new BigDecimal("0.1249999"), "EUR"));
        assertEquals(new BigDecimal("10.00"), Money.round(BigDecimal.TEN, "EUR"), "always at the scale");
        // JPY has no decimals: 2.5 -> 3, 3.5 -> 4 (half even would give 2 and 4), 2.4999 -> 2
        assertEquals(new BigDecimal("3"), Money.round(new BigDecimal("2.5"), "JPY"));
        assertEquals(new BigDecimal("4"), Money.round(new BigDecimal("3.5"), "JPY"));
        assertEquals(new BigDecimal("2"), Money.round(new BigDecimal("2.4999"), "JPY"));
        // BHD has three: 1.0005 -> 1.001
        assertEquals(new BigDecimal("1.001"), Money.round(new BigDecimal("1.0005"), "BHD"));
    }

    @Test
    void aPercentageOfAnAmountIsRoundedToTheCurrency() {
        // 19.99 x 21 / 100 = 4.1979 -> 4.20
        assertEquals(new BigDecimal("4.20"), Money.percentOf(new BigDecimal("19.99"), new BigDecimal("21"), "EUR"));
        // 10.05 x 10 / 100 = 1.005, a tie -> 1.01
        assertEquals(new BigDecimal("1.01"), Money.percentOf(new BigDecimal("10.05"), BigDecimal.TEN, "EUR"));
        // 12.5 % of 1,234 JPY = 154.25 -> 154
        assertEquals(new BigDecimal("154"), Money.percentOf(new BigDecimal("1234"), new BigDecimal("12.5"), "JPY"));
        assertEquals(new BigDecimal("0.00"), Money.percentOf(new BigDecimal("99.99"), BigDecimal.ZERO, "EUR"));
    }
}
