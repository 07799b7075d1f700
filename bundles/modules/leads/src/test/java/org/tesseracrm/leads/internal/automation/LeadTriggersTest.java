package org.tesseracrm.leads.internal.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.automation.TriggerEvent;
import org.tesseracrm.kernel.api.record.RecordRow;

class LeadTriggersTest {
    private static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

    private static RecordRow lead(String status, String source, String reason) {
        return new RecordRow(41, 2, Map.of("status", status, "source", source, "discardReason", reason));
    }

    @Test
    void aReceivedLeadTellsItsSourceAndRulesMayAskForOne() {
        TriggerEvent event = LeadTriggers.received(lead("New", "Web", ""), "web-form", AT);
        assertEquals(new TriggerEvent("leads.received", "lead", 41, "web-form", AT,
                Map.of("source", "Web", "status", "New")), event);
        LeadReceivedTrigger trigger = new LeadReceivedTrigger();
        assertTrue(trigger.matches(event, Map.of()));
        assertTrue(trigger.matches(event, Map.of("source", " web ")));
        assertFalse(trigger.matches(event, Map.of("source", "Referral")));
        assertEquals(java.util.Set.of("lead"), trigger.recordTypes());
    }

    @Test
    void discardedOnlyWhenTheStatusBecomesDiscardedWithTheStatusItLeft() {
        Optional<TriggerEvent> event = LeadTriggers.discarded(lead("Qualified", "Web", ""),
                lead("Discarded", "Web", "No budget"), "ann", AT);
        assertEquals(Map.of("fromStatus", "Qualified", "reason", "No budget"), event.orElseThrow().details());
        assertEquals("leads.discarded", event.get().trigger());
        assertTrue(LeadTriggers.discarded(lead("Qualified", "Web", ""), lead("Contacted", "Web", ""), "ann", AT)
                .isEmpty());
        assertTrue(LeadTriggers.discarded(lead("Discarded", "Web", "Duplicate"), lead("Discarded", "Web", "Other"),
                "ann", AT).isEmpty(), "a discarded lead edited again");

        LeadDiscardedTrigger trigger = new LeadDiscardedTrigger();
        assertTrue(trigger.matches(event.get(), Map.of("fromStatus", "qualified")), "the second filter");
        assertFalse(trigger.matches(event.get(), Map.of("fromStatus", "Contacted")));
        assertTrue(trigger.matches(event.get(), Map.of("fromStatus", "Qualified", "reason", "No budget")));
        assertFalse(trigger.matches(event.get(), Map.of("reason", "Duplicate")));
    }
}
