package org.tesseracrm.products.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.products.api.LineAmounts;
import org.tesseracrm.products.api.LineInput;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.products.api.LineProposal;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.ProductFields;
import org.tesseracrm.products.api.ProductPrice;
import org.tesseracrm.products.api.QuantityRange;

/** What a document's lines may hold, and the values a new line starts with, worked out by hand. */
class LineRulesTest {
    private static final LineStore.Product WIDGET = new LineStore.Product(1, "W-1", "Widget", true, ProductFields.MONTHLY,
            "A widget", new BigDecimal("21"), Optional.of(new BigDecimal("25.00")), Optional.of("EUR"));
    private static final LineStore.Product OLD = new LineStore.Product(2, "OLD", "Old thing", false,
            ProductFields.ONE_TIME, "", BigDecimal.ZERO, Optional.empty(), Optional.empty());
    private static final PriceList RETAIL = new PriceList(7, "Retail", "EUR", Optional.empty(), Optional.empty(),
            List.of());
    // 1-9: none, 10-49: 5 %, 50 and more: 10 %; 9 < q < 10 is a gap
    private static final ProductPrice WIDGET_RETAIL = new ProductPrice(7, 1, "W-1", "Widget", new BigDecimal("19.99"),
            List.of(range("1", "9", "0"), range("10", "49", "5"), range("50", null, "10")));

    @Test
    void aProposalTakesTheListPriceTheRangesDiscountAtItsEdgesAndTheProductsTax() {
        assertEquals(new BigDecimal("0"), propose("9").discountPercent());
        assertEquals(new BigDecimal("0"), propose("9.5").discountPercent(), "in the gap: none");
        assertEquals(Optional.empty(), propose("9.5").range());
        assertEquals(new BigDecimal("5"), propose("10").discountPercent(), "10 starts 10-49");
        assertEquals(new BigDecimal("5"), propose("49").discountPercent(), "49 ends it");
        assertEquals(new BigDecimal("0"), propose("49.5").discountPercent());
        assertEquals(new BigDecimal("10"), propose("50").discountPercent(), "50 and more");
        assertEquals(new BigDecimal("10"), propose("1000").discountPercent());
        LineProposal ten = propose("10");
        assertEquals(new BigDecimal("19.99"), ten.unitPrice());
        assertEquals(new BigDecimal("21"), ten.taxPercent());
        assertEquals(ProductFields.MONTHLY, ten.costType());
        assertEquals("A widget", ten.description());
        assertEquals(Optional.of(7L), ten.priceListId());
        assertEquals(Optional.empty(), ten.notice());
        // 10 x 19.99 = 199.90; 5 % = 9.995 -> 10.00; net 189.90; 21 % = 39.879 -> 39.88; total 229.78
        assertEquals(new LineAmounts("EUR", new BigDecimal("199.90"), new BigDecimal("10.00"), new BigDecimal("189.90"),
                new BigDecimal("39.88"), new BigDecimal("229.78")), ten.amounts());
        assertEquals(new LineInput(Optional.empty(), 1, "A widget", new BigDecimal("19.99"), new BigDecimal("10"),
                new BigDecimal("5"), new BigDecimal("21")), LineInput.of(ten));
    }

    @Test
    void withoutAListPriceTheProductsOwnPriceInItsCurrencyElseZeroWithANotice() {
        LineProposal own = LineRules.propose(WIDGET, new BigDecimal("2"), Optional.empty(), Optional.empty(), "EUR");
        assertEquals(new BigDecimal("25.00"), own.unitPrice());
        assertEquals(Optional.empty(), own.notice());
        assertEquals(new BigDecimal("0"), own.discountPercent());
        LineProposal notInList = LineRules.propose(WIDGET, new BigDecimal("2"), Optional.of(RETAIL), Optional.empty(),
                "EUR");
        assertEquals(new BigDecimal("25.00"), notInList.unitPrice());
        assertEquals(Optional.of("The price list Retail has no price for W-1: the product's own price is proposed"),
                notInList.notice());
        LineProposal dollars = LineRules.propose(WIDGET, new BigDecimal("2"), Optional.empty(), Optional.empty(), "USD");
        assertEquals(new BigDecimal("0.00"), dollars.unitPrice());
        assertEquals(Optional.of("No price in USD for W-1 (Widget): enter the price"), dollars.notice());
        assertEquals(new BigDecimal("0"), LineRules.propose(WIDGET, BigDecimal.ONE, Optional.empty(), Optional.empty(),
                "JPY").unitPrice(), "at the yen's scale");
    }

    @Test
    void theEnteredDiscountAndTaxAreKeptNotTheProposedOnes() {
        // 3 x 33.33 = 99.99; 7.5 % = 7.49925 -> 7.50; net 92.49; no tax; total 92.49
        LineInput typed = new LineInput(Optional.empty(), 1, "", new BigDecimal("33.33"), new BigDecimal("3"),
                new BigDecimal("7.5"), BigDecimal.ZERO);
        List<LineStore.Row> rows = LineRules.rows(List.of(typed), "EUR", Map.of(1L, WIDGET), Map.of());
        assertEquals(new BigDecimal("7.5"), rows.get(0).discountPercent());
        assertEquals(BigDecimal.ZERO, rows.get(0).taxPercent());
        assertEquals(new LineAmounts("EUR", new BigDecimal("99.99"), new BigDecimal("7.50"), new BigDecimal("92.49"),
                new BigDecimal("0.00"), new BigDecimal("92.49")), typed.amounts("EUR"));
        assertEquals("Widget", rows.get(0).productName(), "a new line takes the product's name");
        assertEquals(ProductFields.MONTHLY, rows.get(0).costType());
    }

    @Test
    void everyBadValueIsReportedAtItsLineAndField() {
        ValidationException e = assertThrows(ValidationException.class, () -> LineRules.rows(List.of(
                line(1, "10", "0", "0", "0"),
                line(1, "1.005", "1", "0", "0"),
                line(1, "10", "1.00001", "101", "-1"),
                line(2, "10", "1", "0", "0"),
                line(99, "-1", "1", "0", "0.12345"),
                line(0, "1", "1", "0", "0")), "EUR", Map.of(1L, WIDGET, 2L, OLD), Map.of()));
        assertEquals(List.of(
                new FieldError("lines[0].quantity", "Enter a quantity above 0"),
                new FieldError("lines[1].unitPrice", "Prices in EUR have at most 2 decimals"),
                new FieldError("lines[2].quantity", "A quantity has at most 4 decimals"),
                new FieldError("lines[2].discountPercent", "Enter a discount from 0 to 100 (percent)"),
                new FieldError("lines[2].taxPercent", "Enter a tax from 0 to 100 (percent)"),
                new FieldError("lines[3].product", "The product OLD (Old thing) is not active: choose an active product"),
                new FieldError("lines[4].product", "The product #99 does not exist (any more): choose another"),
                new FieldError("lines[4].unitPrice", "Enter a price of 0 or more"),
                new FieldError("lines[4].taxPercent", "A tax has at most 4 decimals"),
                new FieldError("lines[5].product", "Choose a product")), e.errors());
        ValidationException yen = assertThrows(ValidationException.class, () -> LineRules.rows(List.of(
                line(1, "100.5", "1", "0", "0")), "JPY", Map.of(1L, WIDGET), Map.of()));
        assertEquals(List.of(new FieldError("lines[0].unitPrice", "Prices in JPY have no decimals")), yen.errors());
        assertEquals(List.of(new FieldError("currency", "Choose a currency (an ISO 4217 code such as EUR): EURO is not "
                + "one")), assertThrows(ValidationException.class, () -> LineRules.currency("EURO")).errors());
        assertEquals("USD", LineRules.currency(" usd "));
    }

    @Test
    void aKeptLineKeepsItsProductAsSavedEvenInactiveAndUnknownIdsAreRefused() {
        LineItem stored = new LineItem(40, 1, 2, "OLD", "Old name", "", ProductFields.ON_DEMAND, new BigDecimal("5.00"),
                BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO, LineAmounts.of(new BigDecimal("5.00"), BigDecimal.ONE,
                        BigDecimal.ZERO, BigDecimal.ZERO, "EUR"));
        LineInput kept = new LineInput(Optional.of(40L), 2, "now described", new BigDecimal("6.00"), new BigDecimal("2"),
                BigDecimal.ZERO, BigDecimal.ZERO);
        List<LineStore.Row> rows = LineRules.rows(List.of(kept), "EUR", Map.of(2L, OLD), Map.of(40L, stored));
        assertEquals(new LineStore.Row(40, 2, "OLD", "Old name", "now described", ProductFields.ON_DEMAND,
                new BigDecimal("6.00"), new BigDecimal("2"), BigDecimal.ZERO, BigDecimal.ZERO), rows.get(0));
        ValidationException e = assertThrows(ValidationException.class, () -> LineRules.rows(List.of(
                new LineInput(Optional.of(41L), 1, "", BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO),
                kept, kept), "EUR", Map.of(1L, WIDGET, 2L, OLD), Map.of(40L, stored)));
        assertEquals(List.of(new FieldError("lines[0].id", "This line is no longer part of the document (someone "
                + "changed it meanwhile): reload it and enter your change again"),
                new FieldError("lines[2].id", "This line is in the list twice: remove one"),
                new FieldError("lines[2].product", "The product OLD (Old thing) is not active: choose an active product")),
                e.errors());
    }

    @Test
    void aDocumentHoldsAtMostAThousandLines() {
        List<LineInput> many = java.util.Collections.nCopies(1001, line(1, "1", "1", "0", "0"));
        assertEquals(List.of(new FieldError("lines", "A document holds at most 1000 lines (this has 1001): split it in "
                + "two")), assertThrows(ValidationException.class, () -> LineRules.rows(many, "EUR", Map.of(1L, WIDGET),
                        Map.of())).errors());
    }

    private static LineProposal propose(String quantity) {
        return LineRules.propose(WIDGET, new BigDecimal(quantity), Optional.of(RETAIL), Optional.of(WIDGET_RETAIL),
                "EUR");
    }

    private static LineInput line(long product, String price, String quantity, String discount, String tax) {
        return new LineInput(Optional.empty(), product, "", new BigDecimal(price), new BigDecimal(quantity),
                new BigDecimal(discount), new BigDecimal(tax));
    }

    private static QuantityRange range(String from, String to, String discount) {
        return new QuantityRange(new BigDecimal(from), Optional.ofNullable(to).map(BigDecimal::new),
                new BigDecimal(discount));
    }
}
