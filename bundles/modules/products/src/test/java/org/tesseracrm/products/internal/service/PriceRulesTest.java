package org.tesseracrm.products.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.products.api.PriceCondition;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.PriceListInput;
import org.tesseracrm.products.api.PriceQuote;
import org.tesseracrm.products.api.QuantityRange;

/**
 * Price list rules: ranges include both ends, never overlap, may leave gaps; validity days include both ends;
 * conditions; prices at the currency's scale; a quote's amounts worked out by hand.
 */
class PriceRulesTest {
    private static final QuantityRange SMALL = range("1", "9", "0");
    private static final QuantityRange MEDIUM = range("10", "49", "5");
    private static final QuantityRange LARGE = range("50", null, "10");
    private static final List<QuantityRange> TIERS = List.of(SMALL, MEDIUM, LARGE);

    @Test
    void aQuantityFallsInTheRangeThatIncludesItAtBothEnds() {
        assertEquals(Optional.of(SMALL), PriceRules.rangeFor(TIERS, new BigDecimal("1")));
        assertEquals(Optional.of(SMALL), PriceRules.rangeFor(TIERS, new BigDecimal("9")));
        assertEquals(Optional.of(MEDIUM), PriceRules.rangeFor(TIERS, new BigDecimal("10")));
        assertEquals(Optional.of(MEDIUM), PriceRules.rangeFor(TIERS, new BigDecimal("49.0000")));
        assertEquals(Optional.of(LARGE), PriceRules.rangeFor(TIERS, new BigDecimal("50")));
        assertEquals(Optional.of(LARGE), PriceRules.rangeFor(TIERS, new BigDecimal("1000000")), "open-ended");
        assertEquals(Optional.empty(), PriceRules.rangeFor(TIERS, new BigDecimal("9.5")), "in the gap 9-10: none");
        assertEquals(Optional.empty(), PriceRules.rangeFor(TIERS, new BigDecimal("0.5")), "below the first");
    }

    @Test
    void rangesWithGapsAreAcceptedInAnyOrder() {
        assertEquals(List.of(), PriceRules.checkRanges(List.of(LARGE, SMALL, MEDIUM)));
        assertEquals(List.of(SMALL, MEDIUM, LARGE), PriceRules.sorted(List.of(LARGE, SMALL, MEDIUM)));
        assertEquals(List.of(), PriceRules.checkRanges(List.of(range("1", "4", "0"), range("20", "29", "3"))));
        assertEquals(List.of(), PriceRules.checkRanges(List.of(range("1", "1", "0"))), "a range of one quantity");
        assertEquals(List.of(), PriceRules.checkRanges(List.of()));
    }

    @Test
    void rangesThatShareAQuantityAreRefusedNamingIt() {
        // 1-10 and 10-49 share 10: the later range gets the error, which names both and the shared quantity
        List<FieldError> errors = PriceRules.checkRanges(List.of(range("1", "10", "0"), range("10", "49", "5")));
        assertEquals(1, errors.size());
        assertEquals("ranges[1].from", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("10-49 overlaps the range 1-10: the quantity 10 would be in both"),
                errors.get(0).message());
        // an open-ended range overlaps everything above its start
        List<FieldError> open = PriceRules.checkRanges(List.of(range("50", null, "10"), range("100", "200", "15")));
        assertEquals("ranges[1].from", open.get(0).field());
        assertTrue(open.get(0).message().contains("the quantity 100 would be in both"), open.get(0).message());
        // one inside another
        assertEquals(1, PriceRules.checkRanges(List.of(range("1", "100", "0"), range("20", "30", "5"))).size());
        // two open-ended ranges
        assertEquals(1, PriceRules.checkRanges(List.of(range("5", null, "1"), range("1", null, "2"))).size());
        // touching at decimals is still apart: 1-9.99 and 10-
        assertEquals(List.of(), PriceRules.checkRanges(List.of(range("1", "9.99", "0"), range("10", null, "5"))));
    }

    @Test
    void eachBadRangeGetsAnErrorOnItsOwnPart() {
        List<FieldError> errors = PriceRules.checkRanges(List.of(range("0", "5", "0"), range("20", "10", "5"),
                range("30", "40", "101"), range("50", "60", "-1"), range("70", "80", "2.12345")));
        assertEquals(List.of("ranges[0].from", "ranges[1].to", "ranges[2].discountPercent", "ranges[3].discountPercent",
                "ranges[4].discountPercent"), errors.stream().map(FieldError::field).toList());
        assertTrue(errors.get(1).message().contains("20-10 ends below its start"), errors.get(1).message());
        assertEquals(List.of(), PriceRules.checkRanges(List.of(range("1", null, "100"), range("0.5", "0.75", "0"))),
                "100 % and decimal quantities are fine");
    }

    @Test
    void aPriceHasAtMostTheCurrencysDecimals() {
        assertEquals(List.of(), PriceRules.checkPrice(new BigDecimal("10.01"), "EUR"));
        assertEquals(List.of(), PriceRules.checkPrice(new BigDecimal("10.0100"), "EUR"), "trailing zeros do not count");
        assertEquals(List.of(), PriceRules.checkPrice(BigDecimal.ZERO, "EUR"), "free is a price");
        assertEquals("Prices in EUR have at most 2 decimals",
                PriceRules.checkPrice(new BigDecimal("10.001"), "EUR").get(0).message());
        assertEquals(List.of(), PriceRules.checkPrice(new BigDecimal("1500"), "JPY"));
        assertEquals("Prices in JPY have no decimals", PriceRules.checkPrice(new BigDecimal("1500.5"), "JPY").get(0).message());
        assertEquals("price", PriceRules.checkPrice(new BigDecimal("-1"), "EUR").get(0).field());
        assertEquals("price", PriceRules.checkPrice(null, "EUR").get(0).field());
    }

    @Test
    void aPriceListNeedsAFreeNameACurrencyAndDaysInOrder() {
        PriceListInput good = input("Retail Madrid", "EUR", "2026-01-01", "2026-12-31",
                List.of(new PriceCondition("Place of sale", "Madrid")));
        assertEquals(List.of(), PriceRules.checkList(good, List.of("Wholesale")));
        assertEquals(List.of("name"), fields(PriceRules.checkList(good, List.of("retail madrid"))), "names ignore case");
        assertEquals(List.of("name", "currency", "validTo"), fields(PriceRules.checkList(
                input(" ", "EURO", "2026-02-01", "2026-01-31", List.of()), List.of())));
        assertEquals(List.of(), PriceRules.checkList(input("Same day", "JPY", "2026-02-01", "2026-02-01", List.of()),
                List.of()), "a list valid one day");
        assertEquals(List.of("conditions"), fields(PriceRules.checkList(input("Twice", "EUR", null, null,
                List.of(new PriceCondition("Segment", "Retail"), new PriceCondition("segment", "retail "))), List.of())));
        assertEquals(List.of("conditions"), fields(PriceRules.checkList(input("Empty", "EUR", null, null,
                List.of(new PriceCondition("Segment", " "))), List.of())));
    }

    @Test
    void aListIsValidFromItsFirstToItsLastDayInclusive() {
        PriceList year = list("EUR", "2026-01-01", "2026-12-31", List.of());
        assertFalse(year.validOn(LocalDate.parse("2025-12-31")));
        assertTrue(year.validOn(LocalDate.parse("2026-01-01")));
        assertTrue(year.validOn(LocalDate.parse("2026-12-31")));
        assertFalse(year.validOn(LocalDate.parse("2027-01-01")));
        assertTrue(list("EUR", null, null, List.of()).validOn(LocalDate.parse("1999-01-01")), "no dates: always");
        assertTrue(list("EUR", "2026-06-01", null, List.of()).validOn(LocalDate.parse("2099-01-01")), "no end");
    }

    @Test
    void aConditionIsMetByOneOfItsValuesForEachDimension() {
        PriceList list = list("EUR", null, null, List.of(new PriceCondition("Place of sale", "Madrid"),
                new PriceCondition("Place of sale", "Barcelona"), new PriceCondition("Customer segment", "Wholesale")));
        assertTrue(list.appliesTo(Map.of("place of sale", "madrid", "Customer segment", "Wholesale")));
        assertTrue(list.appliesTo(Map.of("Place of sale", "Barcelona", "Customer segment", "wholesale", "Other", "x")));
        assertFalse(list.appliesTo(Map.of("Place of sale", "Madrid")), "the segment is not met");
        assertFalse(list.appliesTo(Map.of("Place of sale", "Sevilla", "Customer segment", "Wholesale")));
        assertTrue(list("EUR", null, null, List.of()).appliesTo(Map.of()), "no condition: everywhere");
    }

    @Test
    void aQuoteTakesTheRangesDiscountAndTheProductsTax() {
        PriceList list = list("EUR", null, null, List.of());
        LocalDate on = LocalDate.parse("2026-12-05");
        // 10 x 19.99 = 199.90; 5 % = 9.995, a tie -> 10.00; net 189.90; tax 21 % = 39.879 -> 39.88; total 229.78
        PriceQuote ten = PriceRules.quote(list, 7, new BigDecimal("19.99"), TIERS, new BigDecimal("21"), BigDecimal.TEN, on);
        assertEquals(Optional.of(MEDIUM), ten.range());
        assertEquals(new BigDecimal("5"), ten.discountPercent());
        assertEquals(new BigDecimal("199.90"), ten.amounts().amount());
        assertEquals(new BigDecimal("10.00"), ten.amounts().discount());
        assertEquals(new BigDecimal("189.90"), ten.amounts().net());
        assertEquals(new BigDecimal("39.88"), ten.amounts().tax());
        assertEquals(new BigDecimal("229.78"), ten.amounts().total());
        assertEquals("EUR", ten.currency());
        // 9.5 is in the gap: no discount; 9.5 x 19.99 = 189.905 -> 189.91; tax 39.8811 -> 39.88; total 229.79
        PriceQuote gap = PriceRules.quote(list, 7, new BigDecimal("19.99"), TIERS, new BigDecimal("21"),
                new BigDecimal("9.5"), on);
        assertEquals(Optional.empty(), gap.range());
        assertEquals(0, gap.discountPercent().signum());
        assertEquals(new BigDecimal("189.91"), gap.amounts().amount());
        assertEquals(new BigDecimal("0.00"), gap.amounts().discount());
        assertEquals(new BigDecimal("229.79"), gap.amounts().total());
        // JPY: 60 x 980 = 58,800; 10 % = 5,880; net 52,920; tax 8 % = 4,233.6 -> 4,234; total 57,154
        PriceQuote yen = PriceRules.quote(list("JPY", null, null, List.of()), 7, new BigDecimal("980"), TIERS,
                new BigDecimal("8"), new BigDecimal("60"), on);
        assertEquals(new BigDecimal("5880"), yen.amounts().discount());
        assertEquals(new BigDecimal("4234"), yen.amounts().tax());
        assertEquals(new BigDecimal("57154"), yen.amounts().total());
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    private static QuantityRange range(String from, String to, String discount) {
        return new QuantityRange(new BigDecimal(from), Optional.ofNullable(to).map(BigDecimal::new), new BigDecimal(discount));
    }

    private static PriceListInput input(String name, String currency, String from, String to, List<PriceCondition> conditions) {
        return new PriceListInput(name, currency, Optional.ofNullable(from).map(LocalDate::parse),
                Optional.ofNullable(to).map(LocalDate::parse), conditions);
    }

    private static PriceList list(String currency, String from, String to, List<PriceCondition> conditions) {
        return new PriceList(1, "List", currency, Optional.ofNullable(from).map(LocalDate::parse),
                Optional.ofNullable(to).map(LocalDate::parse), conditions);
    }
}
