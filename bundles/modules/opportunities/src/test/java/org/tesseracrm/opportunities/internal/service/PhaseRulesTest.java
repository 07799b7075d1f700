package org.tesseracrm.opportunities.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.opportunities.api.Phase;
import org.tesseracrm.opportunities.api.PhaseChange;
import org.tesseracrm.opportunities.api.PhaseKind;

class PhaseRulesTest {
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 1, 9, 0);

    @Test
    void expectedAmountIsAmountTimesProbabilityAtMoneyScaleRoundedHalfUp() {
        assertEquals(new BigDecimal("6000.00"), expected("10000", 60));
        assertEquals(new BigDecimal("0.01"), expected("0.05", 10)); // 0.005 rounds up
        assertEquals(new BigDecimal("0.00"), expected("0.04", 10)); // 0.004 rounds down
        assertEquals(new BigDecimal("33.34"), expected("83.35", 40)); // 33.34 exactly
        assertEquals(new BigDecimal("12.35"), expected("61.73", 20)); // 12.346 -> 12.35
        assertEquals(new BigDecimal("1234.56"), expected("1234.56", 100));
        assertEquals(new BigDecimal("0.00"), expected("1234.56", 0));
        assertEquals(2, expected("7", 33).scale());
    }

    @Test
    void noExpectedAmountWithoutAmountOrPhase() {
        assertTrue(PhaseRules.expectedAmount(Optional.empty(), Optional.of(50)).isEmpty());
        assertTrue(PhaseRules.expectedAmount(Optional.of(BigDecimal.TEN), Optional.empty()).isEmpty());
    }

    @Test
    void lostPhaseNeedsALostReasonOthersDoNot() {
        Optional<FieldError> error = PhaseRules.lostReasonError(PhaseKind.LOST, "  ");
        assertEquals("lostReason", error.orElseThrow().field());
        assertTrue(PhaseRules.lostReasonError(PhaseKind.LOST, null).isPresent());
        assertTrue(PhaseRules.lostReasonError(PhaseKind.LOST, "Price").isEmpty());
        assertTrue(PhaseRules.lostReasonError(PhaseKind.OPEN, "").isEmpty());
        assertTrue(PhaseRules.lostReasonError(PhaseKind.WON, "").isEmpty());
    }

    @Test
    void timeSpentRunsToTheNextEntryAndForTheCurrentPhaseUntilNow() {
        List<PhaseChange> history = List.of(entry("", "Prospecting", T0),
                entry("Prospecting", "Proposal", T0.plusDays(3).plusHours(4)),
                entry("Proposal", "Closed won", T0.plusDays(3).plusHours(6).plusMinutes(5)));
        List<PhaseChange> spent = PhaseRules.withTimeSpent(history, T0.plusDays(10));
        assertEquals(Duration.ofDays(3).plusHours(4), spent.get(0).spent());
        assertEquals(Duration.ofHours(2).plusMinutes(5), spent.get(1).spent());
        assertEquals(Duration.ofDays(7).minusHours(6).minusMinutes(5), spent.get(2).spent());
        assertEquals("3 d 4 h", PhaseRules.describe(spent.get(0).spent()));
        assertEquals("2 h 5 min", PhaseRules.describe(spent.get(1).spent()));
        assertEquals("under a minute", PhaseRules.describe(Duration.ofSeconds(20)));
    }

    @Test
    void aClockStepBackNeverGivesANegativeTime() {
        List<PhaseChange> spent = PhaseRules.withTimeSpent(List.of(entry("", "Prospecting", T0)), T0.minusMinutes(1));
        assertEquals(Duration.ZERO, spent.get(0).spent());
    }

    @Test
    void phaseNamesAreUniqueIgnoringCaseAndProbabilitiesArePercentages() {
        List<Phase> others = List.of(new Phase(1, "Proposal", 0, 60, PhaseKind.OPEN, true));
        assertEquals(List.of("name"), fields(PhaseRules.check("proposal", 50, others)));
        assertEquals(List.of("name"), fields(PhaseRules.check("  ", 50, others)));
        assertEquals(List.of("name"), fields(PhaseRules.check("a;b", 50, others)));
        assertEquals(List.of("probability"), fields(PhaseRules.check("Demo", 101, others)));
        assertEquals(List.of("probability"), fields(PhaseRules.check("Demo", -1, others)));
        assertTrue(PhaseRules.check("Demo", 0, others).isEmpty());
    }

    @Test
    void thePhasePickListFollowsThePhasesInOrderWithTheFirstActiveOpenPhaseAsDefault() {
        List<Phase> phases = List.of(new Phase(1, "Old", 0, 5, PhaseKind.OPEN, false),
                new Phase(2, "Prospecting", 1, 10, PhaseKind.OPEN, true),
                new Phase(3, "Won", 2, 100, PhaseKind.WON, true),
                new Phase(4, "Lost", 3, 0, PhaseKind.LOST, true));
        List<PickListValue> values = PhaseSync.values(phases);
        assertEquals(List.of("Old", "Prospecting", "Won", "Lost"), values.stream().map(PickListValue::value).toList());
        assertEquals(List.of(false, true, false, false), values.stream().map(PickListValue::isDefault).toList());
        assertEquals(List.of(false, true, true, true), values.stream().map(PickListValue::active).toList());
        assertEquals(Optional.of(PhaseSync.WON_COLOUR), values.get(2).colour());
        assertEquals(Optional.of(PhaseSync.LOST_COLOUR), values.get(3).colour());
    }

    private static BigDecimal expected(String amount, int probability) {
        return PhaseRules.expectedAmount(Optional.of(new BigDecimal(amount)), Optional.of(probability)).orElseThrow();
    }

    private static PhaseChange entry(String from, String to, LocalDateTime at) {
        return new PhaseChange(from, to, "ada", at, Duration.ZERO);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
