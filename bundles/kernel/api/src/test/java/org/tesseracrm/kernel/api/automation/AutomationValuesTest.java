package org.tesseracrm.kernel.api.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AutomationValuesTest {
    @Test
    void readsTimeSpansInSingularPluralAndAnyCase() {
        assertEquals(new TimeSpan(3, TimeSpan.Unit.DAYS), TimeSpan.parse("3 days"));
        assertEquals(new TimeSpan(1, TimeSpan.Unit.WEEKS), TimeSpan.parse(" 1  week "));
        assertEquals(new TimeSpan(120, TimeSpan.Unit.MINUTES), TimeSpan.parse("120 MINUTES"));
        assertEquals("3 months", TimeSpan.parse("3 month").toString());
    }

    @Test
    void refusesTimeSpansThatDoNotRead() {
        for (String text : new String[] {"", "3", "days 3", "3 fortnights", "-1 days", "1.5 hours"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TimeSpan.parse(text));
            assertEquals(text.equals("-1 days") ? "Enter an amount of time of 0 or more, was -1"
                    : "Enter an amount of time like 30 minutes, 2 hours, 3 days, 1 week or 3 months", e.getMessage(),
                    text);
        }
    }

    @Test
    void triggerEventTravelsAsEventPropertiesAndBack() {
        TriggerEvent event = new TriggerEvent("leads.received", "lead", 42, "anna", Instant.ofEpochMilli(1_000),
                Map.of("source", "Web form"));
        Map<String, Object> properties = event.properties();
        assertEquals("Web form", properties.get("automation.detail.source"));
        assertEquals(42L, properties.get(TriggerEvent.RECORD_ID));
        assertEquals(event, TriggerEvent.of(properties));
        assertEquals("org/tesseracrm/automation/trigger/leads.received", TriggerEvent.topic(event.trigger()));
        assertThrows(IllegalArgumentException.class, () -> TriggerEvent.of(Map.of(TriggerEvent.TRIGGER, "x")));
    }

    @Test
    void choicesBelongToChoiceParametersOnly() {
        Parameter unit = Parameter.choice("unit", "Unit", List.of("minutes", "hours"));
        assertEquals("minutes", unit.defaultValue().orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> new Parameter("n", "N", ParameterType.TEXT, false,
                List.of("a"), java.util.Optional.empty(), ""));
        assertThrows(IllegalArgumentException.class, () -> new Parameter("n", "N", ParameterType.CHOICE, false,
                List.of(), java.util.Optional.empty(), ""));
    }
}
