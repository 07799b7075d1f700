package org.tesseracrm.collections.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.collections.api.CollectionFields;
import org.tesseracrm.collections.api.Obligation;
import org.tesseracrm.collections.api.ObligationInput;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

/** What a saved obligation must hold, the status it gets, and a collection's totals. */
class ObligationRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 31);

    @Test
    void theStatusFollowsThePaymentUnlessOneFits() {
        List<Obligation> rows = ObligationRules.rows(List.of(
                input(null, "100", TODAY, null, null),
                input(null, "100", TODAY, "", "40"),
                input(null, "100", TODAY, null, "100.00"),
                input(null, "100", TODAY, "paid", "0"),
                input(null, "100", TODAY, "Written off", "25")), Map.of());
        assertEquals(List.of(CollectionFields.PENDING, CollectionFields.PARTIALLY_PAID, CollectionFields.PAID,
                CollectionFields.PAID, CollectionFields.WRITTEN_OFF), rows.stream().map(Obligation::status).toList());
        assertEquals("100.00", rows.get(3).amountPaid().toPlainString(), "Paid takes the whole amount as paid");
        assertEquals("100.00", rows.get(0).amount().toPlainString(), "amounts at 2 decimals");
        assertEquals(List.of(1, 2, 3, 4, 5), rows.stream().map(Obligation::position).toList());
        assertEquals("0.00", rows.get(4).outstanding().toPlainString(), "a written-off obligation owes nothing");
        assertEquals("60.00", rows.get(1).outstanding().toPlainString());
    }

    @Test
    void wrongValuesAreRefusedPerRowAndField() {
        ValidationException e = assertThrows(ValidationException.class, () -> ObligationRules.rows(List.of(
                input(null, null, null, null, null),
                input(null, "0", TODAY, null, null),
                input(null, "10.005", TODAY, null, null),
                input(null, "10", TODAY, null, "11"),
                input(null, "10", TODAY, "Pending", "5"),
                input(null, "10", TODAY, "Partially paid", "0"),
                input(null, "10", TODAY, "Lost", null),
                input(99L, "10", TODAY, null, null)), Map.of()));
        assertEquals(List.of("obligations[0].amount", "obligations[0].dueDate", "obligations[1].amount",
                "obligations[2].amount", "obligations[3].amountPaid", "obligations[4].status",
                "obligations[5].status", "obligations[6].status", "obligations[7].id"),
                e.errors().stream().map(FieldError::field).toList());
        assertTrue(e.errors().get(6).message().startsWith("Partially paid needs"), e.errors().get(6).message());
    }

    @Test
    void aStoredObligationKeepsItsId() {
        Obligation stored = new Obligation(7, 1, new BigDecimal("10.00"), TODAY, CollectionFields.PENDING,
                new BigDecimal("0.00"), "", "");
        List<Obligation> rows = ObligationRules.rows(List.of(ObligationInput.of(stored), input(null, "5", TODAY, null,
                null)), Map.of(7L, stored));
        assertEquals(List.of(7L, 0L), rows.stream().map(Obligation::id).toList());
        assertEquals(stored, rows.get(0));
    }

    @Test
    void tooLongTextsAreRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> ObligationRules.rows(List.of(
                new ObligationInput(Optional.empty(), BigDecimal.TEN, TODAY, null, null, "x".repeat(201),
                        "y".repeat(2001))), Map.of()));
        assertEquals(List.of("obligations[0].result", "obligations[0].notes"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void totalsCountOutstandingAndOverdueAtTheEdgeOfToday() {
        List<Obligation> rows = ObligationRules.rows(List.of(
                input(null, "100", TODAY.minusDays(1), null, "40"), // overdue: 60
                input(null, "200", TODAY, null, null), // due today: not overdue, next due
                input(null, "300", TODAY.plusDays(10), null, null),
                input(null, "400", TODAY.minusDays(100), "Written off", null), // nothing outstanding
                input(null, "500", TODAY.minusDays(5), "Paid", null)), Map.of()); // paid
        ObligationRules.Totals totals = ObligationRules.totals(rows, TODAY);
        assertEquals("1500.00", totals.total().toPlainString());
        assertEquals("560.00", totals.outstanding().toPlainString());
        assertEquals("60.00", totals.overdue().toPlainString());
        assertEquals(Optional.of(TODAY), totals.nextDue());
        // a day later the obligation due today is overdue, and the next due is in ten days
        ObligationRules.Totals tomorrow = ObligationRules.totals(rows, TODAY.plusDays(1));
        assertEquals("260.00", tomorrow.overdue().toPlainString());
        assertEquals(Optional.of(TODAY.plusDays(10)), tomorrow.nextDue());
        ObligationRules.Totals none = ObligationRules.totals(List.of(), TODAY);
        assertEquals("0.00", none.total().toPlainString());
        assertEquals(Optional.empty(), none.nextDue());
    }

    @Test
    void theSummaryNamesTheCountAndTheTotal() {
        List<Obligation> rows = ObligationRules.rows(List.of(input(null, "10", TODAY, null, null),
                input(null, "2.5", TODAY, null, null)), Map.of());
        assertEquals("2 obligations, 12.50 EUR", ReceivablesImpl.summary(rows, "EUR"));
        assertEquals("", ReceivablesImpl.summary(List.of(), "EUR"));
    }

    private static ObligationInput input(Long id, String amount, LocalDate due, String status, String paid) {
        return new ObligationInput(Optional.ofNullable(id), amount == null ? null : new BigDecimal(amount), due, status,
                paid == null ? null : new BigDecimal(paid), "", "");
    }
}
