package org.tesseracrm.cases.internal.service;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.cases.internal.CasesModule;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SortOrder;

/**
 * Describes cases to the record platform: lists, forms, filters, import, export, custom fields, notes, files,
 * activities and the REST API come from it. The number, the solved time and the SLA fields are set by the module
 * only; {@link CaseLifecycle} enforces numbering, the solution rule and the dependency rules on every path.
 */
@Component(service = RecordType.class, property = RecordType.ID + "=" + CaseFields.RECORD_TYPE)
public class CaseRecordType implements RecordType {
    /** The cases table. */
    public static final String TABLE = "CRM_CASE";
    static final IdGenerator IDS = new IdGenerator("CASES_ID_GEN", "GEN_NAME", "GEN_VALUE", "CASE");
    /** The fields only the module writes. */
    static final List<String> MODULE_FIELDS = List.of(CaseFields.NUMBER, CaseFields.SOLVED_AT, CaseFields.SLA_DUE_AT,
            CaseFields.SLA_STATE, CaseFields.ESCALATION_LEVEL);

    private static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.predefined(CaseFields.CASE_TYPE, "Case type", FieldType.PICKLIST, "CASE_TYPE", true, 100),
            FieldDefinition.predefined(CaseFields.NUMBER, "Case number", FieldType.TEXT, "CASE_NUMBER", false, 30),
            FieldDefinition.predefined(CaseFields.SUBJECT, "Subject", FieldType.TEXT, "SUBJECT", true, 200),
            FieldDefinition.predefined(CaseFields.STATUS, "Status", FieldType.PICKLIST, "STATUS", false, 100),
            FieldDefinition.predefined(CaseFields.PRIORITY, "Priority", FieldType.PICKLIST, "PRIORITY", false, 100),
            FieldDefinition.predefined(CaseFields.CHANNEL, "Channel", FieldType.PICKLIST, "CHANNEL", false, 100),
            FieldDefinition.predefined(CaseFields.RESPONSIBLE, "Responsible", FieldType.USER, "RESPONSIBLE", false,
                    100),
            FieldDefinition.predefined(CaseFields.OWNER, "Owner", FieldType.USER, "OWNER", true, 100),
            lookup(CaseFields.CONTACT, "Contact", "CONTACT_ID", "contact"),
            lookup(CaseFields.COMPANY, "Company", "COMPANY_ID", "company"),
            lookup(CaseFields.DEPENDS_ON, "Depends on", "DEPENDS_ON_ID", CaseFields.RECORD_TYPE),
            FieldDefinition.predefined(CaseFields.DESCRIPTION, "Description", FieldType.LONG_TEXT, "DESCRIPTION",
                    false, 4000),
            FieldDefinition.predefined(CaseFields.SOLUTION, "Solution", FieldType.LONG_TEXT, "SOLUTION", false, 4000),
            FieldDefinition.predefined(CaseFields.SOLVED_AT, "Solved at", FieldType.DATE_TIME, "SOLVED_AT", false, 0),
            FieldDefinition.predefined(CaseFields.SLA_DUE_AT, "SLA due", FieldType.DATE_TIME, "SLA_DUE_AT", false, 0),
            FieldDefinition.predefined(CaseFields.SLA_STATE, "SLA state", FieldType.PICKLIST, "SLA_STATE", false, 100),
            FieldDefinition.predefined(CaseFields.ESCALATION_LEVEL, "Escalation level", FieldType.NUMBER,
                    "ESCALATION_LEVEL", false, 0),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0),
            FieldDefinition.predefined("updatedAt", "Updated", FieldType.DATE_TIME, "UPDATED_AT", true, 0));

    private static final List<String> LISTED = List.of(CaseFields.NUMBER, CaseFields.CASE_TYPE, CaseFields.SUBJECT,
            CaseFields.STATUS, CaseFields.PRIORITY, CaseFields.RESPONSIBLE, CaseFields.SLA_DUE_AT, CaseFields.SLA_STATE);

    /** @param schema the module's migrated tables: the type is offered only once they exist */
    @Activate
    public CaseRecordType(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.cases)") MigratedSchema schema) {
        // nothing to keep: the reference only orders the start
    }

    private static FieldDefinition lookup(String name, String label, String column, String type) {
        return new FieldDefinition(name, label, FieldType.LOOKUP, false, 0, true, column, false, Optional.of(type));
    }

    @Override
    public String id() {
        return CaseFields.RECORD_TYPE;
    }

    @Override
    public String moduleId() {
        return CasesModule.ID;
    }

    @Override
    public String label() {
        return "Case";
    }

    @Override
    public String pluralLabel() {
        return "Cases";
    }

    @Override
    public String table() {
        return TABLE;
    }

    @Override
    public List<FieldDefinition> fields() {
        return FIELDS;
    }

    /** A case is named by its number and subject, e.g. "QUE-000042 Late delivery". */
    @Override
    public List<String> titleFields() {
        return List.of(CaseFields.NUMBER, CaseFields.SUBJECT);
    }

    @Override
    public List<String> searchFields() {
        return List.of(CaseFields.NUMBER, CaseFields.SUBJECT);
    }

    @Override
    public List<SortOrder> defaultSort() {
        return List.of(new SortOrder("createdAt", false));
    }

    @Override
    public Optional<IdGenerator> ids() {
        return Optional.of(IDS);
    }

    @Override
    public boolean listedByDefault(String field) {
        return LISTED.contains(field) || field.startsWith("cf_");
    }

    @Override
    public Optional<String> fieldHint(String field) {
        return switch (field) {
            case CaseFields.CASE_TYPE -> Optional.of("Chosen first: the type gives the number's prefix.");
            case CaseFields.NUMBER -> Optional.of("Given when the case is saved: the type's prefix and a sequence.");
            case CaseFields.STATUS -> Optional.of("A solved status needs a solution; a case that depends on an open "
                    + "case cannot be solved or closed.");
            case CaseFields.SOLUTION -> Optional.of("Required to move the case to a solved status.");
            case CaseFields.DEPENDS_ON -> Optional.of("This case cannot be solved or closed while that one is open.");
            case CaseFields.SLA_DUE_AT, CaseFields.SLA_STATE ->
                    Optional.of("From the priority's resolution time on the business calendar.");
            case CaseFields.SOLVED_AT -> Optional.of("When the case moved to a solved or closed status.");
            default -> Optional.empty();
        };
    }

    /** The number, the solved time and the SLA fields are the module's. */
    @Override
    public boolean setByModule(String field) {
        return MODULE_FIELDS.contains(field);
    }

    /** A new case is New (where every case starts) and of Normal priority unless said otherwise. */
    @Override
    public Optional<Object> defaultValue(String field) {
        return switch (field) {
            case CaseFields.STATUS -> Optional.of(CaseFields.NEW);
            case CaseFields.PRIORITY -> Optional.of(CaseFields.NORMAL);
            default -> Optional.empty();
        };
    }

    /** First values: case types, statuses (New the default), priorities (Normal), channels (Phone), SLA states. */
    @Override
    public List<PickListValue> initialPickList(String field) {
        return switch (field) {
            case CaseFields.CASE_TYPE -> values(CaseFields.CASE_TYPES, CaseFields.PETITION);
            case CaseFields.STATUS -> values(CaseFields.STATUSES, CaseFields.NEW);
            case CaseFields.PRIORITY -> values(CaseFields.PRIORITIES, CaseFields.NORMAL);
            case CaseFields.CHANNEL -> values(CaseFields.CHANNELS, "Phone");
            case CaseFields.SLA_STATE -> values(CaseFields.SLA_STATES, "");
            default -> List.of();
        };
    }

    private static List<PickListValue> values(List<String> values, String preferred) {
        return values.stream().map(v -> new PickListValue(v, Optional.empty(), v.equals(preferred), true)).toList();
    }

    /**
     * The SLA states are the module's (its SLA code writes them), and so is New, where every case starts, and Normal,
     * the priority it starts with: they stay in the lists and active.
     */
    @Override
    public Set<String> moduleValues(String field) {
        return switch (field) {
            case CaseFields.SLA_STATE -> Set.copyOf(CaseFields.SLA_STATES);
            case CaseFields.STATUS -> Set.of(CaseFields.NEW);
            case CaseFields.PRIORITY -> Set.of(CaseFields.NORMAL);
            default -> Set.of();
        };
    }
}
