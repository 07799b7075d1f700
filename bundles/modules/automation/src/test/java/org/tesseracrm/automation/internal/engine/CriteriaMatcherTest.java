package org.tesseracrm.automation.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.RecordRow;

class CriteriaMatcherTest {
    /** Monday 7 December 2026, 10:00 in São Paulo (13:00 UTC). */
    private static final Instant NOW = Instant.parse("2026-12-07T13:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

    private static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.predefined("name", "Name", FieldType.TEXT, "NAME", true, 100),
            FieldDefinition.predefined("source", "Source", FieldType.PICKLIST, "SOURCE", false, 60),
            FieldDefinition.predefined("tags", "Tags", FieldType.MULTI_PICKLIST, "TAGS", false, 200),
            FieldDefinition.predefined("amount", "Amount", FieldType.MONEY, "AMOUNT", false, 0),
            FieldDefinition.predefined("closeDate", "Close date", FieldType.DATE, "CLOSE_DATE", false, 0),
            FieldDefinition.predefined("lastContact", "Last contact", FieldType.DATE_TIME, "LAST_CONTACT", false, 0),
            FieldDefinition.predefined("owner", "Owner", FieldType.USER, "OWNER", false, 60),
            FieldDefinition.predefined("vip", "VIP", FieldType.BOOLEAN, "VIP", false, 0),
            FieldDefinition.predefined("company", "Company", FieldType.LOOKUP, "COMPANY_ID", false, 0),
            new FieldDefinition("cf_budget", "Budget", FieldType.NUMBER, false, 0, true, "CF_BUDGET", true,
                    Optional.empty()));

    private final CriteriaMatcher matcher = new CriteriaMatcher(FIELDS, NOW, ZONE);

    private static RecordRow lead(Map<String, Object> values) {
        return new RecordRow(42, 1, values);
    }

    private static RecordRow marketingLead() {
        Map<String, Object> values = new HashMap<>();
        values.put("name", "Acme Imports");
        values.put("source", "Digital marketing");
        values.put("tags", List.of("Inbound", "Priority"));
        values.put("amount", new BigDecimal("1500.00"));
        values.put("closeDate", LocalDate.of(2026, 12, 31));
        values.put("lastContact", LocalDateTime.of(2026, 9, 1, 12, 0));
        values.put("owner", "anna");
        values.put("vip", Boolean.TRUE);
        values.put("company", 7L);
        values.put("cf_budget", new BigDecimal("20"));
        return lead(values);
    }

    private boolean matches(RecordRow row, Filter... conditions) {
        return matcher.matches(Criteria.all(conditions), row);
    }

    private static Filter f(String field, FilterOp op, String... values) {
        return new Filter(field, op, List.of(values));
    }

    @Test
    void comparesTextIgnoringCaseAndPickListsExactlyAsListFiltersDo() {
        RecordRow row = marketingLead();
        assertTrue(matches(row, f("name", FilterOp.CONTAINS, "IMPORT")));
        assertTrue(matches(row, f("name", FilterOp.EQUALS, "acme imports")));
        assertTrue(matches(row, f("owner", FilterOp.EQUALS, "ANNA")));
        assertTrue(matches(row, f("source", FilterOp.EQUALS, "Digital marketing")));
        assertFalse(matches(row, f("source", FilterOp.EQUALS, "digital marketing")));
        assertTrue(matches(row, f("source", FilterOp.IN, "Web form", "Digital marketing")));
        assertFalse(matches(row, f("source", FilterOp.IN, "Web form", "Referral")));
        assertTrue(matches(row, f("tags", FilterOp.IN, "Priority")));
        assertFalse(matches(row, f("tags", FilterOp.IN, "Cold")));
        assertTrue(matches(row, f("owner", FilterOp.IN, "bob", "anna")));
    }

    @Test
    void emptyFieldsMeetOnlyEmptyAndIsNot() {
        Map<String, Object> values = new HashMap<>();
        values.put("name", "  ");
        values.put("tags", List.of());
        RecordRow row = lead(values);
        for (String field : List.of("name", "source", "tags", "amount", "closeDate", "vip", "company")) {
            assertTrue(matches(row, f(field, FilterOp.EMPTY)), field);
            assertFalse(matches(row, f(field, FilterOp.NOT_EMPTY)), field);
        }
        assertTrue(matches(row, f("source", FilterOp.NOT_EQUALS, "Web form")));
        assertFalse(matches(row, f("source", FilterOp.EQUALS, "Web form")));
        assertFalse(matches(row, f("name", FilterOp.CONTAINS, "a")));
        assertFalse(matches(row, f("amount", FilterOp.BETWEEN, "", "100")));
        assertFalse(matches(row, f("source", FilterOp.IN, "Web form")));
        assertTrue(matches(marketingLead(), f("source", FilterOp.NOT_EMPTY), f("tags", FilterOp.NOT_EMPTY)));
    }

    @Test
    void rangesIncludeBothBoundsAndADateTakesInTheWholeDayOfADateTime() {
        RecordRow row = marketingLead();
        assertTrue(matches(row, f("amount", FilterOp.BETWEEN, "1500", "")));
        assertTrue(matches(row, f("amount", FilterOp.BETWEEN, "", "1500.00")));
        assertFalse(matches(row, f("amount", FilterOp.BETWEEN, "1500.01", "")));
        assertTrue(matches(row, f("cf_budget", FilterOp.BETWEEN, "10", "20")));
        assertTrue(matches(row, f("cf_budget", FilterOp.EQUALS, "20.0")));
        assertTrue(matches(row, f("closeDate", FilterOp.BETWEEN, "2026-12-31", "2026-12-31")));
        assertTrue(matches(row, f("lastContact", FilterOp.BETWEEN, "2026-09-01", "2026-09-01")));
        assertFalse(matches(row, f("lastContact", FilterOp.BETWEEN, "", "2026-09-01T11:59")));
        assertTrue(matches(row, f("lastContact", FilterOp.BETWEEN, "", "2026-09-01 12:00")));
        assertTrue(matches(row, f("vip", FilterOp.EQUALS, "yes"), f("company", FilterOp.EQUALS, "7")));
        assertTrue(matches(row, f("company", FilterOp.NOT_EQUALS, "8")));
    }

    @Test
    void relativeDatesCountFromTodayInTheCompanysZone() {
        RecordRow row = marketingLead();
        // last contact 1 September: no contact in the last 90 days (since 8 September)
        assertTrue(matches(row, f("lastContact", FilterOp.BETWEEN, "", "today-90days")));
        assertFalse(matches(row, f("lastContact", FilterOp.BETWEEN, "", "today-100days")));
        assertTrue(matches(row, f("closeDate", FilterOp.BETWEEN, "today", "today+1month")));
        assertFalse(matches(row, f("closeDate", FilterOp.BETWEEN, "today", "today+3weeks")));
        assertTrue(matches(row, f("lastContact", FilterOp.BETWEEN, "", "now - 2 hours")));
        // 00:30 UTC on 8 December is still 7 December in São Paulo: "today" is the zone's day
        CriteriaMatcher lateEvening = new CriteriaMatcher(FIELDS, Instant.parse("2026-12-08T00:30:00Z"), ZONE);
        RecordRow due = lead(Map.of("closeDate", LocalDate.of(2026, 12, 7)));
        assertTrue(lateEvening.matches(Criteria.all(f("closeDate", FilterOp.EQUALS, "today")), due));
    }

    @Test
    void allNeedsEveryConditionAnyOneAndNoConditionsMatchEveryRecord() {
        RecordRow row = marketingLead();
        Filter yes = f("vip", FilterOp.EQUALS, "true");
        Filter no = f("source", FilterOp.EQUALS, "Referral");
        assertFalse(matcher.matches(Criteria.all(yes, no), row));
        assertTrue(matcher.matches(Criteria.any(no, yes), row));
        assertFalse(matcher.matches(Criteria.any(no), row));
        assertTrue(matcher.matches(Criteria.all(), row));
        assertTrue(matcher.matches(Criteria.any(), row));
    }

    @Test
    void refusesCriteriaThatDoNotFitTheRecordTypeNamingTheField() {
        assertRefused("nope", "There is no field \"nope\"", f("nope", FilterOp.EMPTY));
        assertRefused("amount", "\"contains\" does not apply to this field", f("amount", FilterOp.CONTAINS, "1"));
        assertRefused("amount", "Enter a number like 1234.5", f("amount", FilterOp.EQUALS, "lots"));
        assertRefused("closeDate", "Enter a date like 2026-11-23", f("closeDate", FilterOp.BETWEEN, "soon", ""));
        assertRefused("lastContact", "Enter a date and time like 2026-11-23 14:30",
                f("lastContact", FilterOp.BETWEEN, "", "2026-13-01"));
        assertRefused("amount", "Enter at least one bound of the range", f("amount", FilterOp.BETWEEN, " ", ""));
        assertRefused("source", "Choose at least one value", f("source", FilterOp.IN, " "));
        assertRefused("vip", "Enter Yes or No", f("vip", FilterOp.EQUALS, "perhaps"));
        assertRefused("closeDate", "Enter an amount of time like 30 minutes, 2 hours, 3 days, 1 week or 3 months",
                f("closeDate", FilterOp.EQUALS, "today+3fortnights"));
    }

    private void assertRefused(String field, String message, Filter condition) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> matcher.check(Criteria.any(condition)));
        assertEquals(field, e.errors().get(0).field());
        assertEquals(message, e.errors().get(0).message());
    }
}
