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
        assertEquals("org/tesseracrm/automation/trigger/leads_received", TriggerEvent.topic(event.trigger()));
        assertEquals("org/tesseracrm/automation/trigger/a_b_c-d_e", TriggerEvent.topic("a.b c-d_e"));
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

    @Test
    void timeSpansCountMinutesAndHoursOnTheClockAndLongerUnitsOnTheCalendar() {
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        // Berlin moves to summer time on Sunday 29 March 2026
        java.time.ZonedDateTime saturday = java.time.LocalDateTime.parse("2026-03-28T10:00").atZone(berlin);
        assertEquals("2026-03-29T10:00", TimeSpan.parse("1 day").addTo(saturday).toLocalDateTime().toString());
        assertEquals("2026-03-29T11:00", TimeSpan.parse("24 hours").addTo(saturday).toLocalDateTime().toString());
        assertEquals("2026-03-28T10:30", TimeSpan.parse("30 minutes").addTo(saturday).toLocalDateTime().toString());
        assertEquals("2026-04-11T10:00", TimeSpan.parse("2 weeks").addTo(saturday).toLocalDateTime().toString());
        java.time.ZonedDateTime endOfNovember = java.time.LocalDateTime.parse("2026-11-30T10:00").atZone(berlin);
        assertEquals("2027-02-28T10:00", TimeSpan.parse("3 months").addTo(endOfNovember).toLocalDateTime()
                .toString());
        assertEquals("2026-08-30T10:00", TimeSpan.parse("3 months").subtractFrom(endOfNovember).toLocalDateTime()
                .toString());
        assertEquals("2026-03-28T08:00", TimeSpan.parse("25 hours").subtractFrom(saturday.plusDays(1))
                .toLocalDateTime().toString());
    }
}
