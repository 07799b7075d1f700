package org.tesseracrm.products.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Document totals: sums of the rounded lines, per cost type and overall, worked out by hand. */
class DocumentTotalsTest {

    @Test
    void aDocumentOf200LinesTotalsTheRoundedLinesNotTheUnroundedSums() {
        // each line: 1 x 19.99 EUR, 5 % discount, 21 % tax
        // amount 19.99; discount 0.9995 -> 1.00; net 18.99; tax 3.9879 -> 3.99; total 22.98
        // 100 monthly + 100 one-time lines; per type: 1999.00, 100.00, 1899.00, 399.00, 2298.00
        // a document rounded once would give a discount of 199.90 and a tax of 797.60 (3798.10 x 21 %): not ours
        List<Map.Entry<String, LineAmounts>> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(Map.entry(i % 2 == 0 ? ProductFields.MONTHLY : ProductFields.ONE_TIME, LineAmounts.of(
                    new BigDecimal("19.99"), BigDecimal.ONE, new BigDecimal("5"), new BigDecimal("21"), "EUR")));
        }
        DocumentTotals totals = DocumentTotals.of("EUR", lines);
        assertEquals(200, totals.lines());
        assertEquals(new LineAmounts("EUR", new BigDecimal("3998.00"), new BigDecimal("200.00"),
                new BigDecimal("3798.00"), new BigDecimal("798.00"), new BigDecimal("4596.00")), totals.overall());
        LineAmounts half = new LineAmounts("EUR", new BigDecimal("1999.00"), new BigDecimal("100.00"),
                new BigDecimal("1899.00"), new BigDecimal("399.00"), new BigDecimal("2298.00"));
        assertEquals(half, totals.byCostType().get(ProductFields.MONTHLY));
        assertEquals(half, totals.byCostType().get(ProductFields.ONE_TIME));
        assertEquals(LineAmounts.zero("EUR"), totals.byCostType().get(ProductFields.ON_DEMAND),
                "a cost type without lines shows zero");
        assertEquals(List.of(ProductFields.MONTHLY, ProductFields.ON_DEMAND, ProductFields.ONE_TIME),
                List.copyOf(totals.byCostType().keySet()), "always the three, in this order");
    }

    @Test
    void tinyLinesEachRoundUpSoTheSumIsTheLinesSum() {
        // 0.1 x 0.05 EUR = 0.005 -> 0.01 per line (half up); 200 lines -> 2.00, not round(200 x 0.005) = 1.00
        List<Map.Entry<String, LineAmounts>> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add(Map.entry(ProductFields.ON_DEMAND, LineAmounts.of(new BigDecimal("0.05"), new BigDecimal("0.1"),
                    BigDecimal.ZERO, BigDecimal.ZERO, "EUR")));
        }
        DocumentTotals totals = DocumentTotals.of("EUR", lines);
        assertEquals(new BigDecimal("2.00"), totals.overall().amount());
        assertEquals(new BigDecimal("2.00"), totals.byCostType().get(ProductFields.ON_DEMAND).total());
    }

    @Test
    void perCostTypeAndAnotherTypeAfterTheThree() {
        // monthly: 3 x 49.90 = 149.70, 10 % -> 14.97, net 134.73, 21 % -> 28.2933 -> 28.29, total 163.02
        // on demand: 2.5 x 12.00 = 30.00, no discount, 10 % -> 3.00, total 33.00
        // one time: 1 x 1000.00, 2.5 % -> 25.00, net 975.00, 21 % -> 204.75, total 1179.75
        // "Yearly" (a renamed value): 1 x 10.00, total 10.00
        DocumentTotals totals = DocumentTotals.of("EUR", List.of(
                Map.entry("Yearly", LineAmounts.of(new BigDecimal("10"), BigDecimal.ONE, BigDecimal.ZERO,
                        BigDecimal.ZERO, "EUR")),
                Map.entry(ProductFields.ONE_TIME, LineAmounts.of(new BigDecimal("1000.00"), BigDecimal.ONE,
                        new BigDecimal("2.5"), new BigDecimal("21"), "EUR")),
                Map.entry(ProductFields.MONTHLY, LineAmounts.of(new BigDecimal("49.90"), new BigDecimal("3"),
                        new BigDecimal("10"), new BigDecimal("21"), "EUR")),
                Map.entry(ProductFields.ON_DEMAND, LineAmounts.of(new BigDecimal("12.00"), new BigDecimal("2.5"),
                        BigDecimal.ZERO, new BigDecimal("10"), "EUR"))));
        assertEquals(List.of(ProductFields.MONTHLY, ProductFields.ON_DEMAND, ProductFields.ONE_TIME, "Yearly"),
                List.copyOf(totals.byCostType().keySet()));
        assertEquals(new LineAmounts("EUR", new BigDecimal("149.70"), new BigDecimal("14.97"), new BigDecimal("134.73"),
                new BigDecimal("28.29"), new BigDecimal("163.02")), totals.byCostType().get(ProductFields.MONTHLY));
        assertEquals(new BigDecimal("33.00"), totals.byCostType().get(ProductFields.ON_DEMAND).total());
        assertEquals(new BigDecimal("1179.75"), totals.byCostType().get(ProductFields.ONE_TIME).total());
        // overall: 149.70 + 30.00 + 1000.00 + 10.00 = 1189.70; discount 39.97; net 1149.73;
        // tax 28.29 + 3.00 + 204.75 = 236.04; total 163.02 + 33.00 + 1179.75 + 10.00 = 1385.77
        assertEquals(new LineAmounts("EUR", new BigDecimal("1189.70"), new BigDecimal("39.97"),
                new BigDecimal("1149.73"), new BigDecimal("236.04"), new BigDecimal("1385.77")), totals.overall());
    }

    @Test
    void anEmptyDocumentIsZeroAtTheCurrencysScaleAndCurrenciesDoNotMix() {
        DocumentTotals jpy = DocumentTotals.of("JPY", List.of());
        assertEquals(new BigDecimal("0"), jpy.overall().total());
        assertEquals(0, jpy.lines());
        assertThrows(IllegalArgumentException.class, () -> DocumentTotals.of("EUR", List.of(Map.entry(
                ProductFields.MONTHLY, LineAmounts.zero("USD")))));
    }
}
