package org.tesseracrm.automation.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tesseracrm.automation.api.AssignmentRule;
import org.tesseracrm.automation.api.Schedule;
import org.tesseracrm.automation.internal.rest.AutomationJson.ActionBody;
import org.tesseracrm.automation.internal.rest.AutomationJson.ConditionBody;
import org.tesseracrm.automation.internal.rest.AutomationJson.CriteriaBody;
import org.tesseracrm.automation.internal.rest.PartsJson.AssignmentJson;
import org.tesseracrm.automation.internal.rest.PartsJson.ScheduleJson;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.FilterOp;

class PartsJsonTest {
    @Test
    void assignmentReadsAndShowsTheSame() {
        AssignmentJson body = new AssignmentJson(null, "lead", null, " Web leads ", new CriteriaBody("any",
                List.of(new ConditionBody("source", "equals", List.of("Web")))), "round_robin", "group", "Sales",
                List.of(new ConditionBody("status", "IN", List.of("New", "Working"))), null);
        AssignmentRule rule = PartsJson.assignment(0, 3, body);
        assertEquals(AssignmentRule.Strategy.ROUND_ROBIN, rule.strategy());
        assertEquals(AssignmentRule.Pool.GROUP, rule.pool());
        assertEquals(3, rule.position());
        assertEquals("Web leads", rule.name());
        assertEquals(FilterOp.IN, rule.open().get(0).op());
        assertTrue(rule.active());
        AssignmentJson shown = PartsJson.json(rule);
        assertEquals("ANY", shown.criteria().match());
        assertEquals("ROUND_ROBIN", shown.strategy());
    }

    @Test
    void everyProblemOfAScheduleAtOnce() {
        ScheduleJson bad = new ScheduleJson(null, "x", "contact", "admin", "v", List.of(new ConditionBody("a", "NOPE",
                List.of())), "YEARLY", "2026-13-01", "8 o'clock", "MONDAYS", null, "Mars/Base", List.of(), null, null);
        ValidationException e = assertThrows(ValidationException.class, () -> PartsJson.schedule(0, bad));
        assertEquals(List.of("conditions[0].op", "frequency", "date", "time", "dayOfWeek", "zone"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void scheduleReadsAndShowsTheSame() {
        ScheduleJson body = new ScheduleJson(null, "Dormant customers", "contact", "admin", "Customers",
                List.of(new ConditionBody("lastContact", "BETWEEN", List.of("", "today-90days"))), "weekly", null,
                "08:00", "monday", null, "Europe/Madrid", List.of(new ActionBody("activities.create",
                        Map.of("kind", "call", "subject", " Call "), null)), true, null);
        Schedule s = PartsJson.schedule(7, body);
        assertEquals(Schedule.Frequency.WEEKLY, s.frequency());
        assertEquals(DayOfWeek.MONDAY, s.dayOfWeek().orElseThrow());
        assertEquals(LocalTime.of(8, 0), s.time());
        assertEquals(ZoneId.of("Europe/Madrid"), s.zone());
        assertEquals("Call", s.actions().get(0).config().get("subject"));
        ScheduleJson shown = PartsJson.json(s);
        assertEquals("08:00", shown.time());
        assertEquals("MONDAY", shown.dayOfWeek());
        assertEquals("today-90days", shown.conditions().get(0).values().get(1));
    }
}
