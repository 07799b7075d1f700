package org.tesseracrm.companies.internal.service;

import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.companies.internal.CompaniesModule;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SortOrder;

/**
 * Describes companies to the record platform. This is the whole of the module's data logic: the
 * platform lists, filters, creates, changes, deletes, imports and exports companies from it, and the
 * kit's list and form are their screens. It registers once the module's tables exist.
 */
@Component(service = RecordType.class, property = RecordType.ID + "=" + CompanyRecordType.ID)
public class CompanyRecordType implements RecordType {
    /** The record type id; contacts' company lookup points at it. */
    public static final String ID = "company";
    static final int NAME_MAX = 200;

    private static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.predefined("name", "Name", FieldType.TEXT, "NAME", true, NAME_MAX),
            FieldDefinition.predefined("industry", "Industry", FieldType.TEXT, "INDUSTRY", false, 100),
            FieldDefinition.predefined("website", "Website", FieldType.URL, "WEBSITE", false, 255),
            FieldDefinition.predefined("phone", "Phone", FieldType.PHONE, "PHONE", false, 40),
            FieldDefinition.predefined("email", "E-mail", FieldType.EMAIL, "EMAIL", false, 254),
            FieldDefinition.predefined("city", "City", FieldType.TEXT, "CITY", false, 100),
            FieldDefinition.predefined("country", "Country", FieldType.TEXT, "COUNTRY", false, 100),
            FieldDefinition.predefined("owner", "Owner", FieldType.USER, "OWNER", true, 100),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0),
            FieldDefinition.predefined("updatedAt", "Updated", FieldType.DATE_TIME, "UPDATED_AT", true, 0));

    /** @param schema the module's migrated tables: the type is offered only once they exist */
    @Activate
    public CompanyRecordType(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.companies)") MigratedSchema schema) {
        // nothing to keep: the reference only orders the start
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String moduleId() {
        return CompaniesModule.ID;
    }

    @Override
    public String label() {
        return "Company";
    }

    @Override
    public String pluralLabel() {
        return "Companies";
    }

    @Override
    public String table() {
        return "CRM_COMPANY";
    }

    @Override
    public List<FieldDefinition> fields() {
        return FIELDS;
    }

    @Override
    public List<String> titleFields() {
        return List.of("name");
    }

    /** Two companies rarely share a name or a website. */
    @Override
    public List<String> duplicateFields() {
        return List.of("name", "website");
    }

    @Override
    public List<String> searchFields() {
        return List.of("name", "city", "website");
    }

    @Override
    public List<SortOrder> defaultSort() {
        return List.of(new SortOrder("name", true));
    }

    @Override
    public Optional<IdGenerator> ids() {
        return Optional.of(new IdGenerator("COMPANIES_ID_GEN", "GEN_NAME", "GEN_VALUE", "COMPANY"));
    }

    /** The list shows who a company is and where; its website and e-mail are a column choice away. */
    @Override
    public boolean listedByDefault(String field) {
        return !"website".equals(field) && !"email".equals(field);
    }
}
