package org.tesseracrm.leads.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.leads.api.FieldMapping;

class ConversionMappingTest {
    private static final List<FieldDefinition> COMPANY = List.of(text("name", 200, true), text("website", 255, false),
            text("phone", 40, false), text("city", 100, false), text("country", 100, false), text("industry", 100, false),
            custom("cf_segment", FieldType.PICKLIST));
    private static final List<FieldDefinition> CONTACT = List.of(text("firstName", 100, false),
            text("lastName", 100, true), new FieldDefinition("email", "E-mail", FieldType.EMAIL, false, 254, true, "EMAIL",
                    false, Optional.empty()),
            text("phone", 40, false), text("companyName", 200, false),
            new FieldDefinition("company", "Company", FieldType.LOOKUP, false, 0, true, "COMPANY_ID", false,
                    Optional.of("company")),
            text("owner", 100, true), custom("cf_mobile", FieldType.PHONE), custom("cf_title", FieldType.TEXT),
            custom("cf_budget", FieldType.MONEY), custom("cf_met", FieldType.DATE_TIME),
            new FieldDefinition("createdAt", "Created", FieldType.DATE_TIME, true, 0, true, "CREATED_AT", false,
                    Optional.empty()));
    private static final List<FieldDefinition> OPPORTUNITY = List.of(text("name", 200, true),
            new FieldDefinition("leadSource", "Lead source", FieldType.PICKLIST, false, 100, true, "LEAD_SOURCE", false,
                    Optional.empty()),
            new FieldDefinition("amount", "Amount", FieldType.MONEY, false, 0, true, "AMOUNT", false, Optional.empty()));

    private final List<FieldDefinition> lead = leadFields();

    private static List<FieldDefinition> leadFields() {
        List<FieldDefinition> all = new ArrayList<>(new LeadRecordType(null).fields());
        all.add(custom("cf_budget", FieldType.NUMBER));
        all.add(custom("cf_met_on", FieldType.DATE));
        all.add(custom("cf_notes", FieldType.LONG_TEXT));
        all.add(custom("cf_interest", FieldType.PICKLIST));
        return all;
    }

    private static FieldDefinition text(String name, int max, boolean required) {
        return new FieldDefinition(name, name, FieldType.TEXT, required, max, true, name.toUpperCase(), false,
                Optional.empty());
    }

    private static FieldDefinition custom(String name, FieldType type) {
        return new FieldDefinition(name, name, type, false, type == FieldType.TEXT ? 20 : 0, true,
                "CF_" + name.substring(3).toUpperCase(), true, Optional.empty());
    }

    private static RecordRow lead(Map<String, Object> values) {
        return new RecordRow(7, 1, values);
    }

    @Test
    void aNewCompanyGetsTheLeadsCompanyValues() {
        RecordRow row = lead(Map.of("firstName", "Ada", "lastName", "Lovelace", "companyName", "Analytical Engines",
                "website", "https://engines.example", "phone", "+44 1", "city", "London", "country", "UK",
                "email", "ada@engines.example"));
        Map<String, Object> values = ConversionMapping.values("company", row, lead, COMPANY, ConversionMapping.BUILT_IN,
                f -> Set.of());
        assertEquals(Map.of("name", "Analytical Engines", "website", "https://engines.example", "phone", "+44 1",
                "city", "London", "country", "UK"), values);
    }

    @Test
    void aNewContactGetsThePersonAndCustomMappings() {
        Map<String, Object> v = new HashMap<>(Map.of("firstName", "Ada", "lastName", "Lovelace", "email",
                "ada@engines.example", "mobile", "+44 7700", "title", "Countess of Lovelace and Chief Analyst",
                "companyName", "Analytical Engines", "cf_budget", new BigDecimal("1200"), "cf_met_on",
                LocalDate.of(2026, 12, 1)));
        List<FieldMapping> mappings = new ArrayList<>(ConversionMapping.BUILT_IN);
        mappings.add(new FieldMapping("mobile", "contact", "cf_mobile", false));
        mappings.add(new FieldMapping("title", "contact", "cf_title", false));
        mappings.add(new FieldMapping("cf_budget", "contact", "cf_budget", false));
        mappings.add(new FieldMapping("cf_met_on", "contact", "cf_met", false));
        mappings.add(new FieldMapping("city", "contact", "cf_gone", false)); // field removed since: inert
        Map<String, Object> values = ConversionMapping.values("contact", lead(v), lead, CONTACT, mappings, f -> Set.of());
        assertEquals("Ada", values.get("firstName"));
        assertEquals("Lovelace", values.get("lastName"));
        assertEquals("ada@engines.example", values.get("email"));
        assertEquals("Analytical Engines", values.get("companyName"));
        assertEquals("+44 7700", values.get("cf_mobile"));
        assertEquals("Countess of Lovelace", values.get("cf_title"), "cut to the target's length");
        assertEquals(new BigDecimal("1200"), values.get("cf_budget"));
        assertEquals(LocalDate.of(2026, 12, 1).atStartOfDay(), values.get("cf_met"));
        assertFalse(values.containsKey("phone"), "no value, nothing copied");
        assertFalse(values.containsKey("cf_gone"));
        assertFalse(values.containsKey("company"), "the service links the company itself");
    }

    @Test
    void aPickListValueIsCopiedOnlyIfTheTargetListOffersIt() {
        Map<String, Object> web = ConversionMapping.values("opportunity", lead(Map.of("lastName", "L", "source", "Web")),
                lead, OPPORTUNITY, ConversionMapping.BUILT_IN, f -> Set.of("Web", "Referral"));
        assertEquals(Map.of("leadSource", "Web"), web);
        Map<String, Object> event = ConversionMapping.values("opportunity",
                lead(Map.of("lastName", "L", "source", "Event")), lead, OPPORTUNITY, ConversionMapping.BUILT_IN,
                f -> Set.of("Web", "Referral"));
        assertTrue(event.isEmpty());
    }

    @Test
    void theOpportunityIsNamedAfterTheCompanyElseThePerson() {
        assertEquals("Engines", ConversionMapping.opportunityName(lead(Map.of("companyName", "Engines",
                "lastName", "Lovelace"))));
        assertEquals("Ada Lovelace", ConversionMapping.opportunityName(lead(Map.of("firstName", "Ada",
                "lastName", "Lovelace"))));
    }

    @Test
    void compatibleTypes() {
        assertTrue(ConversionMapping.compatible(custom("cf_a", FieldType.PHONE), custom("cf_b", FieldType.TEXT)));
        assertTrue(ConversionMapping.compatible(custom("cf_a", FieldType.PICKLIST), custom("cf_b", FieldType.LONG_TEXT)));
        assertTrue(ConversionMapping.compatible(custom("cf_a", FieldType.NUMBER), custom("cf_b", FieldType.MONEY)));
        assertTrue(ConversionMapping.compatible(custom("cf_a", FieldType.DATE), custom("cf_b", FieldType.DATE_TIME)));
        assertFalse(ConversionMapping.compatible(custom("cf_a", FieldType.TEXT), custom("cf_b", FieldType.EMAIL)));
        assertFalse(ConversionMapping.compatible(custom("cf_a", FieldType.LONG_TEXT), custom("cf_b", FieldType.TEXT)));
        assertFalse(ConversionMapping.compatible(custom("cf_a", FieldType.TEXT), custom("cf_b", FieldType.NUMBER)));
        assertFalse(ConversionMapping.compatible(custom("cf_a", FieldType.DATE_TIME), custom("cf_b", FieldType.DATE)));
        assertFalse(ConversionMapping.compatible(custom("cf_a", FieldType.BOOLEAN), custom("cf_b", FieldType.TEXT)));
        FieldDefinition toCompany = new FieldDefinition("cf_x", "x", FieldType.LOOKUP, false, 0, true, "CF_X", true,
                Optional.of("company"));
        FieldDefinition toContact = new FieldDefinition("cf_y", "y", FieldType.LOOKUP, false, 0, true, "CF_Y", true,
                Optional.of("contact"));
        assertTrue(ConversionMapping.compatible(toCompany, toCompany));
        assertFalse(ConversionMapping.compatible(toCompany, toContact));
    }

    @Test
    void aGoodCustomMappingPasses() {
        assertEquals(List.of(), check(new FieldMapping("mobile", "contact", "cf_mobile", false)));
        assertEquals(List.of(), check(new FieldMapping("cf_budget", "contact", "cf_budget", false)));
    }

    @Test
    void badMappingsAreRefusedWithTheirField() {
        assertEquals(List.of("leadField"), fields(check(new FieldMapping("cf_nothing", "contact", "cf_mobile", false))));
        assertEquals(List.of("targetField"), fields(check(new FieldMapping("mobile", "contact", "cf_nothing", false))));
        assertEquals(List.of("targetType"), fields(check(new FieldMapping("mobile", "case", "subject", false))));
        assertEquals(List.of("targetField"), fields(check(new FieldMapping("cf_notes", "contact", "cf_title", false))),
                "long text into a short text field");
        assertEquals(List.of("targetField"), fields(check(new FieldMapping("mobile", "contact", "cf_budget", false))),
                "phone into money");
        assertEquals(List.of("targetField"), fields(check(new FieldMapping("title", "contact", "createdAt", false))),
                "a field the platform sets");
        assertEquals(List.of("targetField"), fields(check(new FieldMapping("companyName", "contact", "company", false))),
                "the service sets the company link");
        assertEquals(List.of("targetField"), fields(check(new FieldMapping("street", "contact", "owner", false))));
        assertEquals(List.of("leadField"), fields(check(new FieldMapping("convertedAt", "contact", "cf_met", false))),
                "the service's own lead fields are not mapped");
        assertEquals(List.of("leadField"), fields(check(new FieldMapping("email", "contact", "cf_title", false))),
                "email has a built-in mapping to contact");
        assertEquals(List.of("targetField"), fields(check(new FieldMapping("title", "contact", "firstName", false))),
                "firstName already gets the lead's first name");
        assertEquals(List.of("targetType"), fields(ConversionMapping.check(new FieldMapping("mobile", "contact",
                "cf_mobile", false), lead, List.of(), ConversionMapping.BUILT_IN)), "contacts not installed");
    }

    private List<FieldError> check(FieldMapping mapping) {
        List<FieldDefinition> target = switch (mapping.targetType()) {
            case "company" -> COMPANY;
            case "contact" -> CONTACT;
            case "opportunity" -> OPPORTUNITY;
            default -> List.of();
        };
        return ConversionMapping.check(mapping, lead, target, ConversionMapping.BUILT_IN);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
