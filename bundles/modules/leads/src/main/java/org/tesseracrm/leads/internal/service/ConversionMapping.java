package org.tesseracrm.leads.internal.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.leads.api.FieldMapping;

/**
 * Which lead values the records a conversion creates get: the built-in mapping of the predefined fields, the
 * admin's mappings (custom fields mostly) on top, and the rules a mapping must follow. Logic only: the
 * callers read the fields, pick-lists and stored mappings.
 */
final class ConversionMapping {
    /** Target record type ids. */
    static final String COMPANY = "company";
    static final String CONTACT = "contact";
    static final String OPPORTUNITY = "opportunity";
    static final List<String> TARGETS = List.of(COMPANY, CONTACT, OPPORTUNITY);

    /** The fields the service sets itself on the records it creates, never mapped. */
    static final Map<String, Set<String>> SERVICE_SET = Map.of(
            CONTACT, Set.of("company"),
            OPPORTUNITY, Set.of("company", "name"),
            COMPANY, Set.of());

    /** The module's mapping of predefined lead fields, shown first, not removable. */
    static final List<FieldMapping> BUILT_IN = List.of(
            new FieldMapping(LeadRecordType.COMPANY_NAME, COMPANY, "name", true),
            new FieldMapping(LeadRecordType.WEBSITE, COMPANY, "website", true),
            new FieldMapping(LeadRecordType.PHONE, COMPANY, "phone", true),
            new FieldMapping(LeadRecordType.CITY, COMPANY, "city", true),
            new FieldMapping(LeadRecordType.COUNTRY, COMPANY, "country", true),
            new FieldMapping(LeadRecordType.FIRST_NAME, CONTACT, "firstName", true),
            new FieldMapping(LeadRecordType.LAST_NAME, CONTACT, "lastName", true),
            new FieldMapping(LeadRecordType.EMAIL, CONTACT, "email", true),
            new FieldMapping(LeadRecordType.PHONE, CONTACT, "phone", true),
            new FieldMapping(LeadRecordType.COMPANY_NAME, CONTACT, "companyName", true),
            new FieldMapping(LeadRecordType.SOURCE, OPPORTUNITY, "leadSource", true));

    private static final Set<FieldType> TEXTUAL = Set.of(FieldType.TEXT, FieldType.EMAIL, FieldType.PHONE,
            FieldType.URL, FieldType.PICKLIST);
    private static final Set<FieldType> NUMERIC = Set.of(FieldType.NUMBER, FieldType.MONEY);

    private ConversionMapping() {
    }

    /**
     * @param from a lead field
     * @param to a field of a target type
     * @return whether every value of {@code from} is a value {@code to} can hold (a pick-list value the target
     *     pick-list lacks is skipped when copied, not refused)
     */
    static boolean compatible(FieldDefinition from, FieldDefinition to) {
        FieldType f = from.type();
        FieldType t = to.type();
        if (t == FieldType.LOOKUP || f == FieldType.LOOKUP) {
            return f == t && from.lookupType().equals(to.lookupType());
        }
        if (f == t) {
            return true;
        }
        if (t == FieldType.TEXT || t == FieldType.LONG_TEXT) {
            return TEXTUAL.contains(f) || f == FieldType.LONG_TEXT && t == FieldType.LONG_TEXT;
        }
        if (NUMERIC.contains(f) && NUMERIC.contains(t)) {
            return true;
        }
        return f == FieldType.DATE && t == FieldType.DATE_TIME;
    }

    /**
     * Checks a mapping an admin asks for.
     *
     * @param mapping the mapping
     * @param leadFields the lead's fields, custom ones included
     * @param targetFields the target type's fields, custom ones included; empty if the type is not installed
     * @param current the mappings in force (built-in and the admin's)
     * @return the problems, empty if it may be saved
     */
    static List<FieldError> check(FieldMapping mapping, List<FieldDefinition> leadFields,
            List<FieldDefinition> targetFields, List<FieldMapping> current) {
        List<FieldError> errors = new ArrayList<>();
        if (!TARGETS.contains(mapping.targetType())) {
            errors.add(new FieldError("targetType", "Choose company, contact or opportunity"));
            return errors;
        }
        if (targetFields.isEmpty()) {
            errors.add(new FieldError("targetType", "The record type " + mapping.targetType() + " is not installed"));
            return errors;
        }
        Optional<FieldDefinition> from = field(leadFields, mapping.leadField());
        Optional<FieldDefinition> to = field(targetFields, mapping.targetField());
        if (from.isEmpty() || !from.get().importable() || LeadRecordType.SERVICE_FIELDS.contains(mapping.leadField())
                || LeadRecordType.STATUS.equals(mapping.leadField())) {
            errors.add(new FieldError("leadField", "The lead has no field " + mapping.leadField() + " to map"));
        }
        if (to.isEmpty() || !to.get().importable() || "owner".equals(mapping.targetField())
                || SERVICE_SET.get(mapping.targetType()).contains(mapping.targetField())) {
            errors.add(new FieldError("targetField", "The " + mapping.targetType() + " has no field "
                    + mapping.targetField() + " a conversion may fill"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        if (!compatible(from.get(), to.get())) {
            errors.add(new FieldError("targetField", "A " + label(from.get().type()) + " field cannot be copied into a "
                    + label(to.get().type()) + " field"));
        }
        for (FieldMapping m : current) {
            if (!m.targetType().equals(mapping.targetType())) {
                continue;
            }
            if (m.builtIn() && m.leadField().equals(mapping.leadField())) {
                errors.add(new FieldError("leadField", mapping.leadField() + " is mapped to " + m.targetType() + "."
                        + m.targetField() + " by the module"));
            } else if (m.targetField().equals(mapping.targetField()) && !m.leadField().equals(mapping.leadField())) {
                errors.add(new FieldError("targetField", mapping.targetType() + "." + mapping.targetField()
                        + " already gets the value of " + m.leadField()));
            }
        }
        return errors;
    }

    /**
     * The values a new record of one target type gets from a lead.
     *
     * @param targetType company, contact or opportunity
     * @param lead the lead
     * @param leadFields the lead's fields, custom ones included
     * @param targetFields the target type's fields, custom ones included
     * @param mappings the mappings in force (built-in and the admin's, for every type)
     * @param activeValues the active values of a pick-list field of the target type, by field name
     * @return typed values by target field name, only those the lead has a value for
     */
    static Map<String, Object> values(String targetType, RecordRow lead, List<FieldDefinition> leadFields,
            List<FieldDefinition> targetFields, List<FieldMapping> mappings, Function<String, Set<String>> activeValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (FieldMapping m : mappings) {
            if (!m.targetType().equals(targetType)) {
                continue;
            }
            Optional<FieldDefinition> from = field(leadFields, m.leadField());
            Optional<FieldDefinition> to = field(targetFields, m.targetField());
            if (from.isEmpty() || to.isEmpty() || !compatible(from.get(), to.get())) {
                continue; // a field removed since the mapping was made: inert
            }
            convert(lead.value(m.leadField()).orElse(null), to.get(), activeValues)
                    .ifPresent(v -> values.put(m.targetField(), v));
        }
        return values;
    }

    /** @return the value as the target field holds it, or empty to leave the field empty */
    static Optional<Object> convert(Object value, FieldDefinition to, Function<String, Set<String>> activeValues) {
        if (value == null || value instanceof String s && s.isBlank()
                || value instanceof List<?> l && l.isEmpty()) {
            return Optional.empty();
        }
        return switch (to.type()) {
            case TEXT, LONG_TEXT, EMAIL, PHONE, URL -> {
                String text = value.toString().strip();
                yield Optional.of(to.maxLength() > 0 && text.length() > to.maxLength()
                        ? text.substring(0, to.maxLength()) : text);
            }
            case PICKLIST -> activeValues.apply(to.name()).contains(value.toString())
                    ? Optional.of(value.toString()) : Optional.empty();
            case MULTI_PICKLIST -> {
                Set<String> active = activeValues.apply(to.name());
                List<String> kept = ((List<?>) value).stream().map(Object::toString).filter(active::contains).toList();
                yield kept.isEmpty() ? Optional.empty() : Optional.of(kept);
            }
            case NUMBER, MONEY -> Optional.of(value instanceof BigDecimal ? value : new BigDecimal(value.toString()));
            case DATE_TIME -> Optional.of(value instanceof LocalDate d ? d.atStartOfDay() : value);
            default -> Optional.of(value);
        };
    }

    /**
     * @param lead the lead
     * @return the name a new opportunity gets: the lead's company name, else its person's name
     */
    static String opportunityName(RecordRow lead) {
        String company = lead.text(LeadRecordType.COMPANY_NAME);
        if (!company.isEmpty()) {
            return company;
        }
        String name = (lead.text(LeadRecordType.FIRST_NAME) + " " + lead.text(LeadRecordType.LAST_NAME)).strip();
        return name.isEmpty() ? "Lead " + lead.id() : name;
    }

    static Optional<FieldDefinition> field(List<FieldDefinition> fields, String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private static String label(FieldType type) {
        return type.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
