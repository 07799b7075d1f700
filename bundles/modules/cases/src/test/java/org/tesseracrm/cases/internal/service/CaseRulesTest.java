package org.tesseracrm.cases.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.cases.api.StatusKind;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.RecordRow;

class CaseRulesTest {
    @Test
    void numbersAreThePrefixAndSixDigits() {
        assertEquals("QUE-000123", CaseRules.number("QUE", 123));
        assertEquals("PET-000001", CaseRules.number("PET", 1));
        assertEquals("PET-1234567", CaseRules.number("PET", 1_234_567), "more digits past 999,999");
        assertThrows(IllegalArgumentException.class, () -> CaseRules.number("PET", 0));
    }

    @Test
    void aTypeWithoutPrefixTakesItsFirstThreeLettersAndPrefixesAreCapitalsOrDigits() {
        assertEquals("WAR", CaseRules.defaultPrefix("Warranty"));
        assertEquals("PQR", CaseRules.defaultPrefix("p. q-r s"));
        assertEquals("ANO", CaseRules.defaultPrefix("Año"));
        assertEquals("CASE", CaseRules.defaultPrefix("¿?"));
        assertTrue(CaseRules.prefixError("QUE").isEmpty());
        assertTrue(CaseRules.prefixError("R2D2").isEmpty());
        assertTrue(CaseRules.prefixError("que").isPresent());
        assertTrue(CaseRules.prefixError("").isPresent());
        assertTrue(CaseRules.prefixError("ABCDEFGHIJK").isPresent(), "at most 10");
        assertTrue(CaseRules.prefixError("Q-E").isPresent());
        assertTrue(CaseRules.prefixError(null).isPresent());
    }

    @Test
    void kindsSayWhatIsDoneAndParseTheirCodes() {
        assertTrue(StatusKind.SOLVED.done() && StatusKind.CLOSED.done());
        assertTrue(!StatusKind.OPEN.done() && !StatusKind.WAITING.done());
        assertEquals(Optional.of(StatusKind.WAITING), StatusKind.parse(" waiting "));
        assertEquals(Optional.of(StatusKind.CLOSED), StatusKind.parse("CLOSED"));
        assertEquals(Optional.empty(), StatusKind.parse("pending"));
        assertEquals("solved", StatusKind.SOLVED.code());
    }

    @Test
    void aSolvedStatusNeedsASolution() {
        assertEquals(List.of(new FieldError(CaseFields.SOLUTION, CaseRules.SOLUTION_REQUIRED)),
                CaseRules.statusErrors(StatusKind.SOLVED, "  ", true, Optional.empty()));
        assertEquals(List.of(), CaseRules.statusErrors(StatusKind.SOLVED, "Refunded", true, Optional.empty()));
        assertEquals(List.of(), CaseRules.statusErrors(StatusKind.CLOSED, "", true, Optional.empty()),
                "closing needs no solution");
        assertEquals(List.of(), CaseRules.statusErrors(StatusKind.WAITING, "", true, Optional.empty()));
    }

    @Test
    void aCaseIsNotSolvedOrClosedWhileItsDependencyIsOpen() {
        Optional<String> open = Optional.of("QUE-000012 Late delivery");
        List<FieldError> solved = CaseRules.statusErrors(StatusKind.SOLVED, "Refunded", true, open);
        assertEquals(List.of(CaseFields.STATUS), solved.stream().map(FieldError::field).toList());
        assertEquals("This case depends on QUE-000012 Late delivery, which is not solved or closed yet: solve it first",
                solved.get(0).message());
        assertTrue(CaseRules.statusErrors(StatusKind.CLOSED, "", true, open).get(0).message().endsWith("close it first"));
        assertEquals(List.of(), CaseRules.statusErrors(StatusKind.OPEN, "", true, open), "working on it is fine");
        assertEquals(List.of(), CaseRules.statusErrors(StatusKind.CLOSED, "", false, open),
                "a case already closed is not refused other edits");
        assertEquals(2, CaseRules.statusErrors(StatusKind.SOLVED, "", true, open).size(), "both at once");
    }

    @Test
    void cyclesAreNamed() {
        assertEquals(new FieldError(CaseFields.DEPENDS_ON, "A case cannot depend on itself"), CaseRules.cycle(""));
        assertEquals("A case cannot depend on PET-000002: that case depends on this one",
                CaseRules.cycle("PET-000002").message());
    }

    @Test
    void theModulesFieldsAndTheTypeAreNotSetByPlainEdits() {
        RecordRow before = row(Map.of(CaseFields.CASE_TYPE, "Complaint", CaseFields.NUMBER, "QUE-000001",
                CaseFields.SUBJECT, "Late"));
        Map<String, Object> changed = new HashMap<>(before.values());
        changed.put(CaseFields.NUMBER, "QUE-000999");
        changed.put(CaseFields.ESCALATION_LEVEL, BigDecimal.ONE);
        changed.put(CaseFields.CASE_TYPE, "Claim");
        changed.put(CaseFields.SUBJECT, "Later");
        List<FieldError> errors = CaseRules.updateErrors(before, row(changed));
        assertEquals(List.of(CaseFields.NUMBER, CaseFields.ESCALATION_LEVEL, CaseFields.CASE_TYPE),
                errors.stream().map(FieldError::field).toList());
        assertEquals(List.of(), CaseRules.updateErrors(before, row(Map.of(CaseFields.CASE_TYPE, "Complaint",
                CaseFields.NUMBER, "QUE-000001", CaseFields.SUBJECT, "Renamed", CaseFields.SLA_STATE, ""))));
        assertEquals(List.of(CaseFields.SLA_DUE_AT, CaseFields.CASE_TYPE), CaseRules.createErrors(row(Map.of(
                CaseFields.SLA_DUE_AT, java.time.LocalDateTime.now(), CaseFields.SUBJECT, "x"))).stream()
                .map(FieldError::field).toList());
        assertEquals(List.of(), CaseRules.createErrors(row(Map.of(CaseFields.CASE_TYPE, "Claim",
                CaseFields.NUMBER, ""))));
        assertTrue(CaseRules.same(new BigDecimal("1.0"), BigDecimal.ONE));
        assertTrue(CaseRules.same("", null));
    }

    private static RecordRow row(Map<String, Object> values) {
        return new RecordRow(7, 1, values);
    }
}
