package com.example.loyalty.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.ActionContext;
import org.tesseracrm.kernel.api.automation.ActionResult;
import org.tesseracrm.kernel.api.automation.TriggerEvent;

import com.example.loyalty.api.PointsEntry;
import com.example.loyalty.api.PointsService;

/** The module's workflow contributions: the "points awarded" trigger and the "award points" action. */
class LoyaltyAutomationTest {
    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");
    private final List<String> awarded = new ArrayList<>();
    private final AwardPointsRuleAction action = new AwardPointsRuleAction(new PointsService() {
        @Override
        public int award(List<Long> contactIds, int points, String reason) {
            awarded.add(contactIds + " " + points + " " + reason);
            return contactIds.size();
        }

        @Override
        public long balance(long contactId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PointsEntry> history(long contactId, int limit) {
            throw new UnsupportedOperationException();
        }
    });

    private static ActionContext on(String type, Map<String, String> config) {
        return new ActionContext(3, 1, PointsAwardedTrigger.event(12, 50, 1050, "ann", AT).recordType().equals(type)
                ? PointsAwardedTrigger.event(12, 50, 1050, "ann", AT)
                : new TriggerEvent("record.created", type, 12, "ann", AT, Map.of()), config, 1);
    }

    @Test
    void theTriggerEventCarriesPointsAndBalanceAndTravelsAsEventProperties() {
        TriggerEvent event = PointsAwardedTrigger.event(12, 50, 1050, "ann", AT);
        assertEquals("org/tesseracrm/automation/trigger/loyalty_pointsAwarded", TriggerEvent.topic(event.trigger()));
        assertEquals(Map.of("points", "50", "balance", "1050"), event.details());
        assertEquals(event, TriggerEvent.of(event.properties()));
    }

    @Test
    void aRuleMayWaitForAMinimumBalance() {
        PointsAwardedTrigger trigger = new PointsAwardedTrigger();
        TriggerEvent event = PointsAwardedTrigger.event(12, 50, 1050, "ann", AT);
        assertTrue(trigger.matches(event, Map.of()));
        assertTrue(trigger.matches(event, Map.of("minimumBalance", " 1000 ")));
        assertTrue(trigger.matches(event, Map.of("minimumBalance", "1050")));
        assertFalse(trigger.matches(event, Map.of("minimumBalance", "1050.5")));
        ValidationException e = assertThrows(ValidationException.class,
                () -> trigger.matches(event, Map.of("minimumBalance", "lots")));
        assertEquals("minimumBalance", e.errors().get(0).field());
        assertEquals(List.of("minimumBalance"), trigger.parameters().stream().map(p -> p.name()).toList());
    }

    @Test
    void theActionAwardsTheRulesContactThroughThePointsService() {
        ActionResult result = action.run(on("contact", Map.of("points", "25", "reason", "Welcome")));
        assertEquals(ActionResult.Outcome.DONE, result.outcome());
        assertEquals("Awarded 25 points to contact #12 (Welcome)", result.message());
        assertEquals(List.of("[12] 25 Welcome"), awarded);
        assertEquals(List.of("points", "reason"), action.parameters().stream().map(p -> p.name()).toList());
    }

    @Test
    void theActionRefusesWrongPointsAndSkipsOtherRecordTypes() {
        for (String bad : new String[] {"0", "ten", "10001", "2.5"}) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> action.run(on("contact", Map.of("points", bad))));
            assertEquals(List.of("points"), e.errors().stream().map(FieldError::field).toList(), bad);
        }
        assertEquals(ActionResult.Outcome.SKIPPED, action.run(on("company", Map.of("points", "5"))).outcome());
        assertEquals(List.of(), awarded);
    }
}
