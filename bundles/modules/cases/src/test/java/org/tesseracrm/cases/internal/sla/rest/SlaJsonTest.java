package org.tesseracrm.cases.internal.sla.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.cases.internal.sla.BusinessCalendar;
import org.tesseracrm.cases.internal.sla.EscalationRule;
import org.tesseracrm.cases.internal.sla.SlaCalendar;
import org.tesseracrm.cases.internal.sla.rest.SlaJson.CalendarBody;
import org.tesseracrm.cases.internal.sla.rest.SlaJson.HolidayBody;
import org.tesseracrm.cases.internal.sla.rest.SlaJson.RuleBody;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

/** Request bodies of the SLA settings: what they become, and the field errors of those that do not read. */
class SlaJsonTest {
    @Test
    void aNewCalendarStartsMondayToFridayNineToFiveAndTakesWhatTheBodyGives() {
        Map<String, String> hours = new LinkedHashMap<>();
        hours.put("sat", "10:00-14:00");
        hours.put("Friday", "");
        SlaCalendar made = SlaJson.calendar(0, new CalendarBody(" Madrid ", "Europe/Madrid", hours,
                List.of(new HolidayBody("2026-12-08", "Inmaculada")), 80), Optional.empty());
        assertEquals("Madrid", made.name());
        assertEquals(ZoneId.of("Europe/Madrid"), made.calendar().zone());
        assertEquals("09:00-17:00", made.calendar().hoursText(DayOfWeek.MONDAY));
        assertEquals("", made.calendar().hoursText(DayOfWeek.FRIDAY));
        assertEquals("10:00-14:00", made.calendar().hoursText(DayOfWeek.SATURDAY));
        assertEquals(Map.of(LocalDate.of(2026, 12, 8), "Inmaculada"), made.holidayNames());
        assertEquals(80, made.atRiskPercent());
        Map<String, Object> json = SlaJson.calendar(made);
        assertEquals("Europe/Madrid", json.get("zone"));
        assertEquals("10:00-14:00", ((Map<?, ?>) json.get("hours")).get("saturday"));
    }

    @Test
    void aChangeKeepsWhatTheBodyLeavesOutAndReplacesTheHolidays() {
        SlaCalendar old = new SlaCalendar(9, new BusinessCalendar("Office", ZoneOffset.UTC,
                BusinessCalendar.standard(ZoneOffset.UTC).week(), java.util.Set.of(LocalDate.of(2026, 1, 1))),
                Map.of(LocalDate.of(2026, 1, 1), "New year"), 60);
        SlaCalendar changed = SlaJson.calendar(9, new CalendarBody(null, null, null,
                List.of(new HolidayBody("2026-12-25", null)), null), Optional.of(old));
        assertEquals("Office", changed.name());
        assertEquals(60, changed.atRiskPercent());
        assertEquals(Map.of(LocalDate.of(2026, 12, 25), ""), changed.holidayNames());
        assertEquals(old.calendar().week(), changed.calendar().week());
        assertEquals(old.holidayNames(), SlaJson.calendar(9, new CalendarBody(null, null, null, null, null),
                Optional.of(old)).holidayNames());
    }

    @Test
    void everyFieldThatDoesNotReadIsNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> SlaJson.calendar(0,
                new CalendarBody("", "Mars/Olympus", Map.of("funday", "09:00-17:00"),
                        List.of(new HolidayBody("8 December", "")), 0), Optional.empty()));
        assertEquals(List.of("name", "zone", "hours.funday", "holidays[0].date", "atRiskPercent"),
                e.errors().stream().map(FieldError::field).toList());
        ValidationException hours = assertThrows(ValidationException.class, () -> SlaJson.calendar(0,
                new CalendarBody("X", null, Map.of("mon", "9 to 5"), null, null), Optional.empty()));
        assertEquals("hours.mon", hours.errors().get(0).field());
        assertEquals("name", assertThrows(ValidationException.class, () -> SlaJson.calendar(0, null,
                Optional.empty())).errors().get(0).field());
    }

    @Test
    void aRuleNeedsATriggerAndAnAmountAndNamesTheValueOutOfRange() {
        EscalationRule rule = SlaJson.rule(0, new RuleBody(null, "Complaint", "", "percent", 80, null, 2),
                Optional.empty());
        assertEquals(Optional.of("Complaint"), rule.caseType());
        assertEquals(Optional.empty(), rule.priority());
        assertEquals(100, rule.position());
        assertEquals(60, rule.repeatMinutes());
        assertEquals(List.of("trigger", "amount"), assertThrows(ValidationException.class,
                () -> SlaJson.rule(0, new RuleBody(null, null, null, null, null, null, null), Optional.empty()))
                .errors().stream().map(FieldError::field).toList());
        assertEquals("trigger", assertThrows(ValidationException.class, () -> SlaJson.rule(0,
                new RuleBody(null, null, null, "later", 5, null, null), Optional.empty())).errors().get(0).field());
        assertEquals("amount", assertThrows(ValidationException.class, () -> SlaJson.rule(0,
                new RuleBody(null, null, null, "percent", 0, null, null), Optional.empty())).errors().get(0).field());
        assertEquals("maxLevel", assertThrows(ValidationException.class, () -> SlaJson.rule(0,
                new RuleBody(null, null, null, "minutes", 0, 60, 11), Optional.empty())).errors().get(0).field());
        assertEquals("repeatMinutes", assertThrows(ValidationException.class, () -> SlaJson.rule(0,
                new RuleBody(null, null, null, "minutes", 0, 0, 1), Optional.empty())).errors().get(0).field());
        EscalationRule changed = SlaJson.rule(rule.id(), new RuleBody(null, null, null, null, 90, null, null),
                Optional.of(rule));
        assertEquals(90, changed.amount());
        assertEquals(EscalationRule.Trigger.PERCENT_OF_SLA, changed.trigger());
        assertEquals(Optional.of("Complaint"), changed.caseType());
    }
}
