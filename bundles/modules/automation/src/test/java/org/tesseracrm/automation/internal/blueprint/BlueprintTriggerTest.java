package org.tesseracrm.automation.internal.blueprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tesseracrm.automation.api.Blueprints;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.TriggerEvent;

class BlueprintTriggerTest {
    private final BlueprintTrigger trigger = new BlueprintTrigger();
    private final TriggerEvent qualified = new TriggerEvent(Blueprints.TRIGGER, "lead", 7, "max", Instant.EPOCH,
            Map.of("blueprint", "Lead qualification", "transition", "Qualify", "from", "Contacted", "to", "Qualified"));

    @Test
    void aRuleRunsForEveryMoveOfItsBlueprintOrForTheOneItNames() {
        assertEquals(List.of("blueprint", "transition"), trigger.parameters().stream().map(Parameter::name).toList());
        assertTrue(trigger.matches(qualified, Map.of("blueprint", "Lead qualification")));
        assertTrue(trigger.matches(qualified, Map.of("blueprint", " lead QUALIFICATION ", "transition", "qualify")));
        assertTrue(trigger.matches(qualified, Map.of("blueprint", "Lead qualification", "transition", " ")));
        assertFalse(trigger.matches(qualified, Map.of("blueprint", "Lead qualification", "transition", "Drop")));
        assertFalse(trigger.matches(qualified, Map.of("blueprint", "Other")));
        assertFalse(trigger.matches(qualified, Map.of()));
    }

    @Test
    void theEventGoesThroughEventAdminPropertiesAndBack() {
        TriggerEvent back = TriggerEvent.of(qualified.properties());
        assertEquals(qualified, back);
        assertEquals("org/tesseracrm/automation/trigger/automation_blueprint_transition",
                TriggerEvent.topic(back.trigger()));
    }
}
