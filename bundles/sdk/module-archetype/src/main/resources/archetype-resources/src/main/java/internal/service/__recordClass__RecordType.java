package ${package}.internal.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import ${package}.api.${recordClass}Service;
import ${package}.internal.${moduleName}Module;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SortOrder;

/**
 * Describes ${recordType}s to the record platform: from it the platform lists, filters, creates, changes,
 * deletes, imports and exports them, checks the {@code ${moduleId}.*} permissions and writes the audit
 * trail. Admins can add custom fields to it. Registered once the module's tables exist.
 */
@Component(service = RecordType.class, property = RecordType.ID + "=" + ${recordClass}Service.RECORD_TYPE)
public class ${recordClass}RecordType implements RecordType {
    private static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.predefined("name", "Name", FieldType.TEXT, "NAME", true, ${recordClass}Rules.NAME_MAX),
            FieldDefinition.predefined("amount", "Amount", FieldType.NUMBER, "AMOUNT", false, 0),
            FieldDefinition.predefined("description", "Description", FieldType.LONG_TEXT, "DESCRIPTION", false,
                    ${recordClass}Rules.DESCRIPTION_MAX),
            FieldDefinition.predefined("owner", "Owner", FieldType.USER, "OWNER", true, 100),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0),
            FieldDefinition.predefined("updatedAt", "Updated", FieldType.DATE_TIME, "UPDATED_AT", true, 0));

    /** @param schema the module's migrated tables: the type is offered only once they exist */
    @Activate
    public ${recordClass}RecordType(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=${package})") MigratedSchema schema) {
        // nothing to keep: the reference only orders the start
    }

    @Override
    public String id() {
        return ${recordClass}Service.RECORD_TYPE;
    }

    @Override
    public String moduleId() {
        return ${moduleName}Module.ID;
    }

    @Override
    public String label() {
        return "${recordClass}";
    }

    @Override
    public String pluralLabel() {
        return "${recordClass}s";
    }

    @Override
    public String table() {
        return "${moduleId.toUpperCase()}_${recordType.toUpperCase()}";
    }

    @Override
    public List<FieldDefinition> fields() {
        return FIELDS;
    }

    @Override
    public List<String> titleFields() {
        return List.of("name");
    }

    @Override
    public List<String> searchFields() {
        return List.of("name");
    }

    @Override
    public List<SortOrder> defaultSort() {
        return List.of(new SortOrder("name", true));
    }

    @Override
    public List<FieldError> check(Map<String, Object> values) {
        return ${recordClass}Rules.check(values);
    }

    @Override
    public Optional<IdGenerator> ids() {
        return Optional.of(new IdGenerator("${moduleId.toUpperCase()}_ID_GEN", "GEN_NAME", "GEN_VALUE", "${recordType.toUpperCase()}"));
    }
}
