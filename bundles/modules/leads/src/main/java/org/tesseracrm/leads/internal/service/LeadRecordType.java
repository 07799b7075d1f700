package org.tesseracrm.leads.internal.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SortOrder;
import org.tesseracrm.leads.api.LeadConversion;
import org.tesseracrm.leads.internal.LeadsModule;

/**
 * Describes leads to the record platform: lists, forms, filters, import, export, custom fields, notes, files,
 * activities, follow-ups and the REST API come from it. The status values {@link #CONVERTED} and
 * {@link #DISCARDED}, the discard reason and the {@code converted*} fields are written by the module's service
 * only ({@link LeadLifecycle} refuses them from plain edits).
 */
@Component(service = RecordType.class, property = RecordType.ID + "=" + LeadConversion.RECORD_TYPE)
public class LeadRecordType implements RecordType {
    /** The record type id. */
    public static final String ID = LeadConversion.RECORD_TYPE;
    static final String FIRST_NAME = "firstName";
    static final String LAST_NAME = "lastName";
    static final String COMPANY_NAME = "companyName";
    static final String TITLE = "title";
    static final String EMAIL = "email";
    static final String PHONE = "phone";
    static final String MOBILE = "mobile";
    static final String WEBSITE = "website";
    static final String STREET = "street";
    static final String CITY = "city";
    static final String POSTAL_CODE = "postalCode";
    static final String COUNTRY = "country";
    static final String SOURCE = "source";
    /** The status pick-list field. */
    public static final String STATUS = "status";
    static final String RATING = "rating";
    /** The discard reason pick-list field. */
    public static final String DISCARD_REASON = "discardReason";
    static final String DESCRIPTION = "description";
    /** Lookup to the company the lead became. */
    public static final String CONVERTED_COMPANY = "convertedCompany";
    /** Lookup to the contact the lead became. */
    public static final String CONVERTED_CONTACT = "convertedContact";
    /** Lookup to the opportunity the conversion created. */
    public static final String CONVERTED_OPPORTUNITY = "convertedOpportunity";
    /** When the lead was converted. */
    public static final String CONVERTED_AT = "convertedAt";
    static final String OWNER = "owner";
    static final String TABLE = "CRM_LEAD";
    static final IdGenerator IDS = new IdGenerator("LEADS_ID_GEN", "GEN_NAME", "GEN_VALUE", "LEAD");

    /** Status of a new lead. */
    public static final String NEW = "New";
    /** Status of a lead the conversion turned into other records. */
    public static final String CONVERTED = "Converted";
    /** Status of a discarded lead. */
    public static final String DISCARDED = "Discarded";
    /** The status values, in their order. */
    static final List<String> STATUSES = List.of(NEW, "Contacted", "Qualified", DISCARDED, CONVERTED);
    static final List<String> SOURCES = List.of("Web", "Referral", "Event", "Cold call", "Partner", "Other");
    static final List<String> RATINGS = List.of("Hot", "Warm", "Cold");
    static final List<String> DISCARD_REASONS = List.of("No budget", "Not interested", "No response", "Duplicate",
            "Bad data", "Other");
    /** The fields only the module's service writes. */
    static final List<String> SERVICE_FIELDS = List.of(DISCARD_REASON, CONVERTED_COMPANY, CONVERTED_CONTACT,
            CONVERTED_OPPORTUNITY, CONVERTED_AT);

    private static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.predefined(FIRST_NAME, "First name", FieldType.TEXT, "FIRST_NAME", false, 100),
            FieldDefinition.predefined(LAST_NAME, "Last name", FieldType.TEXT, "LAST_NAME", true, 100),
            FieldDefinition.predefined(COMPANY_NAME, "Company name", FieldType.TEXT, "COMPANY_NAME", false, 200),
            FieldDefinition.predefined(TITLE, "Title", FieldType.TEXT, "JOB_TITLE", false, 100),
            FieldDefinition.predefined(EMAIL, "E-mail", FieldType.EMAIL, "EMAIL", false, 254),
            FieldDefinition.predefined(PHONE, "Phone", FieldType.PHONE, "PHONE", false, 40),
            FieldDefinition.predefined(MOBILE, "Mobile", FieldType.PHONE, "MOBILE", false, 40),
            FieldDefinition.predefined(WEBSITE, "Website", FieldType.URL, "WEBSITE", false, 255),
            FieldDefinition.predefined(STREET, "Street", FieldType.TEXT, "STREET", false, 255),
            FieldDefinition.predefined(CITY, "City", FieldType.TEXT, "CITY", false, 100),
            FieldDefinition.predefined(POSTAL_CODE, "Postal code", FieldType.TEXT, "POSTAL_CODE", false, 20),
            FieldDefinition.predefined(COUNTRY, "Country", FieldType.TEXT, "COUNTRY", false, 100),
            FieldDefinition.predefined(SOURCE, "Source", FieldType.PICKLIST, "SOURCE", false, 100),
            FieldDefinition.predefined(STATUS, "Status", FieldType.PICKLIST, "STATUS", false, 100),
            FieldDefinition.predefined(RATING, "Rating", FieldType.PICKLIST, "RATING", false, 100),
            FieldDefinition.predefined(DISCARD_REASON, "Discard reason", FieldType.PICKLIST, "DISCARD_REASON", false,
                    100),
            FieldDefinition.predefined(OWNER, "Owner", FieldType.USER, "OWNER", true, 100),
            FieldDefinition.predefined(DESCRIPTION, "Description", FieldType.LONG_TEXT, "DESCRIPTION", false, 4000),
            new FieldDefinition(CONVERTED_COMPANY, "Converted company", FieldType.LOOKUP, false, 0, true,
                    "CONVERTED_COMPANY_ID", false, Optional.of("company")),
            new FieldDefinition(CONVERTED_CONTACT, "Converted contact", FieldType.LOOKUP, false, 0, true,
                    "CONVERTED_CONTACT_ID", false, Optional.of("contact")),
            new FieldDefinition(CONVERTED_OPPORTUNITY, "Converted opportunity", FieldType.LOOKUP, false, 0, true,
                    "CONVERTED_OPPORTUNITY_ID", false, Optional.of("opportunity")),
            FieldDefinition.predefined(CONVERTED_AT, "Converted at", FieldType.DATE_TIME, "CONVERTED_AT", false, 0),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0),
            FieldDefinition.predefined("updatedAt", "Updated", FieldType.DATE_TIME, "UPDATED_AT", true, 0));

    private static final List<String> LISTED = List.of(FIRST_NAME, LAST_NAME, COMPANY_NAME, EMAIL, PHONE, STATUS,
            RATING, SOURCE, OWNER);

    /** @param schema the module's migrated tables: the type is offered only once they exist */
    @Activate
    public LeadRecordType(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.leads)") MigratedSchema schema) {
        // nothing to keep: the reference only orders the start
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String moduleId() {
        return LeadsModule.ID;
    }

    @Override
    public String label() {
        return "Lead";
    }

    @Override
    public String pluralLabel() {
        return "Leads";
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public List<FieldDefinition> fields() {
        return FIELDS;
    }

    @Override
    public List<String> titleFields() {
        return List.of(FIRST_NAME, LAST_NAME);
    }

    @Override
    public List<String> searchFields() {
        return List.of(FIRST_NAME, LAST_NAME, COMPANY_NAME, EMAIL);
    }

    @Override
    public List<SortOrder> defaultSort() {
        return List.of(new SortOrder(LAST_NAME, true), new SortOrder(FIRST_NAME, true));
    }

    @Override
    public Optional<IdGenerator> ids() {
        return Optional.of(IDS);
    }

    @Override
    public List<String> duplicateFields() {
        return List.of(EMAIL);
    }

    @Override
    public boolean listedByDefault(String field) {
        return LISTED.contains(field) || field.startsWith("cf_");
    }

    @Override
    public Optional<String> fieldHint(String field) {
        return switch (field) {
            case STATUS -> Optional.of("Converted and Discarded are set by the Convert and Discard actions.");
            case DISCARD_REASON -> Optional.of("Set by the Discard action.");
            case CONVERTED_COMPANY, CONVERTED_CONTACT, CONVERTED_OPPORTUNITY, CONVERTED_AT ->
                    Optional.of("Set by the conversion.");
            default -> Optional.empty();
        };
    }

    /** The discard reason and the conversion's links are set by the Discard and Convert actions only. */
    @Override
    public boolean setByModule(String field) {
        return SERVICE_FIELDS.contains(field);
    }

    /** First values: statuses New (default) to Converted (Converted and Discarded coloured), sources, ratings, reasons. */
    @Override
    public List<PickListValue> initialPickList(String field) {
        return switch (field) {
            case STATUS -> STATUSES.stream().map(status -> new PickListValue(status, switch (status) {
                case CONVERTED -> Optional.of("#2e7d32");
                case DISCARDED -> Optional.of("#757575");
                default -> Optional.<String>empty();
            }, status.equals(NEW), true)).toList();
            case SOURCE -> plain(SOURCES);
            case RATING -> plain(RATINGS);
            case DISCARD_REASON -> plain(DISCARD_REASONS);
            default -> List.of();
        };
    }

    /** The conversion and the discard set these statuses: they stay in the list and active. */
    @Override
    public Set<String> moduleValues(String field) {
        return STATUS.equals(field) ? Set.of(CONVERTED, DISCARDED) : Set.of();
    }

    private static List<PickListValue> plain(List<String> values) {
        return values.stream().map(PickListValue::of).toList();
    }
}
