package org.tesseracrm.quotes.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.quotes.api.QuoteFields;

class QuoteRulesTest {
    private static RecordRow quote(String status, Map<String, Object> more) {
        Map<String, Object> values = new HashMap<>();
        values.put(QuoteFields.NUMBER, "Q-2026-00042");
        values.put(QuoteFields.REVISION, BigDecimal.ONE);
        values.put(QuoteFields.SUBJECT, "Office chairs");
        values.put(QuoteFields.STATUS, status);
        values.put(QuoteFields.OWNER, "ana");
        values.put(QuoteFields.TOTAL, new BigDecimal("229.78"));
        values.put(QuoteFields.CONTACT, 7L);
        values.put(QuoteFields.VALID_UNTIL, LocalDate.of(2026, 12, 31));
        values.put(QuoteFields.DESCRIPTION, "");
        values.putAll(more);
        return new RecordRow(12, 3, values);
    }

    private static RecordRow quote(String status) {
        return quote(status, Map.of());
    }

    private static RecordRow with(RecordRow row, String field, Object value) {
        Map<String, Object> values = new HashMap<>(row.values());
        values.put(field, value);
        return new RecordRow(row.id(), row.version() + 1, values);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void numbersHaveTheYearAndFiveDigits() {
        assertEquals("Q-2026-00042", QuoteRules.number(2026, 42));
        assertEquals("Q-2026-00001", QuoteRules.number(2026, 1));
        assertEquals("Q-2027-99999", QuoteRules.number(2027, 99_999));
        assertEquals("Q-2027-100000", QuoteRules.number(2027, 100_000));
        assertThrows(IllegalArgumentException.class, () -> QuoteRules.number(2026, 0));
    }

    @Test
    void onlyADraftIsOpen() {
        assertFalse(QuoteRules.frozen(quote(QuoteFields.DRAFT)));
        assertFalse(QuoteRules.frozen(quote(""))); // no status yet: a draft
        for (String status : List.of(QuoteFields.SENT, QuoteFields.ACCEPTED, QuoteFields.REJECTED, QuoteFields.EXPIRED)) {
            assertTrue(QuoteRules.frozen(quote(status)), status);
        }
    }

    @Test
    void aDraftChangesFreely() {
        RecordRow before = quote(QuoteFields.DRAFT);
        assertEquals(List.of(), QuoteRules.updateErrors(before, with(before, QuoteFields.SUBJECT, "Desks")));
        assertEquals(List.of(), QuoteRules.updateErrors(before, with(before, QuoteFields.CONTACT, 8L)));
    }

    @Test
    void aSentQuoteRefusesFieldEditsWithTheMessage() {
        RecordRow before = quote(QuoteFields.SENT);
        List<FieldError> errors = QuoteRules.updateErrors(before, with(before, QuoteFields.SUBJECT, "Desks"));
        assertEquals(List.of(QuoteFields.SUBJECT), fields(errors));
        assertEquals("This quote was sent: make a revision to change it", errors.get(0).message());
        assertEquals(List.of(QuoteFields.VALID_UNTIL), fields(QuoteRules.updateErrors(before,
                with(before, QuoteFields.VALID_UNTIL, LocalDate.of(2027, 1, 31)))));
        assertEquals(List.of("cf_region"), fields(QuoteRules.updateErrors(before, with(before, "cf_region", "North"))));
        // its owner may change (handing it over), and an unchanged save is no change
        assertEquals(List.of(), QuoteRules.updateErrors(before, with(before, QuoteFields.OWNER, "ben")));
        assertEquals(List.of(), QuoteRules.updateErrors(before, with(before, QuoteFields.DESCRIPTION, null)));
        assertEquals(List.of(), QuoteRules.updateErrors(before, with(before, QuoteFields.TOTAL, new BigDecimal("229.7800"))));
        assertEquals("This quote was accepted: make a revision to change it", QuoteRules.updateErrors(
                quote(QuoteFields.ACCEPTED), with(quote(QuoteFields.ACCEPTED), QuoteFields.SUBJECT, "x")).get(0).message());
    }

    @Test
    void statusMovesOnFromSentOnly() {
        RecordRow sent = quote(QuoteFields.SENT);
        for (String to : List.of(QuoteFields.ACCEPTED, QuoteFields.REJECTED, QuoteFields.EXPIRED)) {
            assertEquals(List.of(), QuoteRules.updateErrors(sent, with(sent, QuoteFields.STATUS, to)), to);
        }
        assertEquals(List.of(QuoteFields.STATUS), fields(QuoteRules.updateErrors(sent,
                with(sent, QuoteFields.STATUS, QuoteFields.DRAFT))));
        RecordRow draft = quote(QuoteFields.DRAFT);
        List<FieldError> send = QuoteRules.updateErrors(draft, with(draft, QuoteFields.STATUS, QuoteFields.SENT));
        assertEquals(List.of(QuoteFields.STATUS), fields(send));
        assertTrue(send.get(0).message().contains("Send"), send.get(0).message());
        assertEquals(List.of(QuoteFields.STATUS), fields(QuoteRules.updateErrors(draft,
                with(draft, QuoteFields.STATUS, QuoteFields.ACCEPTED))));
        RecordRow accepted = quote(QuoteFields.ACCEPTED);
        assertEquals(List.of(QuoteFields.STATUS), fields(QuoteRules.updateErrors(accepted,
                with(accepted, QuoteFields.STATUS, QuoteFields.REJECTED))));
        assertTrue(QuoteRules.plainMove(QuoteFields.EXPIRED, QuoteFields.ACCEPTED));
        assertFalse(QuoteRules.plainMove(QuoteFields.REJECTED, QuoteFields.ACCEPTED));
    }

    @Test
    void theModulesFieldsAreRefusedFromPlainEdits() {
        RecordRow draft = quote(QuoteFields.DRAFT);
        assertEquals(List.of(QuoteFields.NUMBER), fields(QuoteRules.updateErrors(draft,
                with(draft, QuoteFields.NUMBER, "Q-2026-00001"))));
        assertEquals(List.of(QuoteFields.TOTAL), fields(QuoteRules.updateErrors(draft,
                with(draft, QuoteFields.TOTAL, BigDecimal.ONE))));
        assertEquals(List.of(QuoteFields.NEXT_REVISION), fields(QuoteRules.updateErrors(draft,
                with(draft, QuoteFields.NEXT_REVISION, 99L))));
        RecordRow created = new RecordRow(1, 0, Map.of(QuoteFields.SUBJECT, "x", QuoteFields.REVISION, BigDecimal.TEN,
                QuoteFields.SUBTOTAL, BigDecimal.ONE));
        assertEquals(java.util.Set.of(QuoteFields.REVISION, QuoteFields.SUBTOTAL),
                java.util.Set.copyOf(fields(QuoteRules.createErrors(created))));
        assertEquals(List.of(), QuoteRules.createErrors(new RecordRow(1, 0, Map.of(QuoteFields.SUBJECT, "x"))));
    }

    @Test
    void aRevisionCopiesTheFieldsButNotNumberStatusOwnerLinksOrTotals() {
        RecordRow sent = quote(QuoteFields.SENT, Map.of(QuoteFields.PREVIOUS_REVISION, 3L, "cf_region", "North",
                "createdAt", java.time.LocalDateTime.of(2026, 1, 2, 3, 4)));
        Map<String, Object> copy = QuoteRules.revisionValues(sent);
        assertEquals(Map.of(QuoteFields.SUBJECT, "Office chairs", QuoteFields.CONTACT, 7L, QuoteFields.VALID_UNTIL,
                LocalDate.of(2026, 12, 31), "cf_region", "North"), copy);
    }

    @Test
    void aSentQuoteExpiresTheDayAfterItsValidUntil() {
        RecordRow sent = quote(QuoteFields.SENT);
        assertFalse(QuoteRules.expired(sent, LocalDate.of(2026, 12, 31)));
        assertTrue(QuoteRules.expired(sent, LocalDate.of(2027, 1, 1)));
        assertFalse(QuoteRules.expired(quote(QuoteFields.DRAFT), LocalDate.of(2027, 1, 1)));
        assertFalse(QuoteRules.expired(quote(QuoteFields.ACCEPTED), LocalDate.of(2027, 1, 1)));
        Map<String, Object> noDay = new HashMap<>(sent.values());
        noDay.remove(QuoteFields.VALID_UNTIL);
        assertFalse(QuoteRules.expired(new RecordRow(1, 1, noDay), LocalDate.of(2099, 1, 1)));
    }
}
