package org.tesseracrm.contacts.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.contacts.api.ContactInput;
import org.tesseracrm.contacts.internal.ContactsModule;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.IdGenerator;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SortOrder;

/**
 * Describes contacts to the record platform: their table, predefined fields, default order and what a
 * text search looks at, where ids come from and the rules a contact follows. The platform's list,
 * filters, custom fields, export and import work from this alone.
 */
@Component(service = RecordType.class, property = RecordType.ID + "=" + ContactService.RECORD_TYPE)
public class ContactRecordType implements RecordType {

    /** The record type the company lookup points at (the Companies module's); contacts do not need it. */
    static final String COMPANY_TYPE = "company";
    private static final String COMPANY = "company";
    private static final String COMPANY_NAME = "companyName";
    private static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.predefined("firstName", "First name", FieldType.TEXT, "FIRST_NAME", false,
                    ContactValidator.NAME_MAX),
            FieldDefinition.predefined("lastName", "Last name", FieldType.TEXT, "LAST_NAME", true,
                    ContactValidator.NAME_MAX),
            FieldDefinition.predefined("email", "E-mail", FieldType.EMAIL, "EMAIL", false, ContactValidator.EMAIL_MAX),
            FieldDefinition.predefined("phone", "Phone", FieldType.PHONE, "PHONE", false, ContactValidator.PHONE_MAX),
            FieldDefinition.predefined(COMPANY_NAME, "Company name", FieldType.TEXT, "COMPANY_NAME", false,
                    ContactValidator.COMPANY_MAX),
            // Shown only while a module providing companies is installed; the ids stay either way.
            new FieldDefinition(COMPANY, "Company", FieldType.LOOKUP, false, 0, true, "COMPANY_ID", false,
                    Optional.of(COMPANY_TYPE)),
            FieldDefinition.predefined("owner", "Owner", FieldType.USER, "OWNER", true, 100),
            FieldDefinition.predefined("createdAt", "Created", FieldType.DATE_TIME, "CREATED_AT", true, 0),
            FieldDefinition.predefined("updatedAt", "Updated", FieldType.DATE_TIME, "UPDATED_AT", true, 0));
    /**
     * With a companies module installed the company is the lookup; the older free-text name stays (its
     * data is kept, imports may fill it) but says that it links to nothing, comes after the lookup and is
     * left out of the list's default columns.
     */
    static final String UNLINKED_LABEL = "Company name (unlinked)";
    static final String UNLINKED_HINT = "Text only, not linked to a company record. To link this contact, "
            + "choose its company in Company.";
    private static final List<FieldDefinition> LINKED_FIELDS = linked(FIELDS);
    private static final List<String> SEARCHED = List.of("firstName", "lastName", "email", COMPANY_NAME);
    static final List<SortOrder> DEFAULT_SORT = List.of(new SortOrder("lastName", true),
            new SortOrder("firstName", true));

    /** The companies module's record type while it is installed: the company lookup then applies. */
    @Reference(service = RecordType.class, target = "(" + RecordType.ID + "=" + COMPANY_TYPE + ")",
            cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RecordType companies;

    /** @param schema the module's migrated tables: the type is offered only once they exist */
    @Activate
    public ContactRecordType(
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.contacts)") MigratedSchema schema) {
        // nothing to keep: the reference only orders the start
    }

    /** @return the fields with the company lookup first and the free-text name after it, labelled unlinked */
    private static List<FieldDefinition> linked(List<FieldDefinition> fields) {
        List<FieldDefinition> linked = new ArrayList<>(fields);
        FieldDefinition text = linked.remove(indexOf(linked, COMPANY_NAME));
        linked.add(indexOf(linked, COMPANY) + 1, new FieldDefinition(text.name(), UNLINKED_LABEL, text.type(),
                text.required(), text.maxLength(), text.sortable(), text.column(), text.custom(), text.lookupType()));
        return List.copyOf(linked);
    }

    private static int indexOf(List<FieldDefinition> fields, String name) {
        return fields.stream().map(FieldDefinition::name).toList().indexOf(name);
    }

    @Override
    public String id() {
        return ContactService.RECORD_TYPE;
    }

    @Override
    public String moduleId() {
        return ContactsModule.ID;
    }

    @Override
    public String table() {
        return "CRM_CONTACT";
    }

    @Override
    public List<String> titleFields() {
        return List.of("firstName", "lastName");
    }

    @Override
    public List<SortOrder> defaultSort() {
        return DEFAULT_SORT;
    }

    @Override
    public String label() {
        return "Contact";
    }

    @Override
    public String pluralLabel() {
        return "Contacts";
    }

    @Override
    public List<FieldDefinition> fields() {
        return companies == null ? FIELDS : LINKED_FIELDS;
    }

    /** With companies installed, the lookup is the company column; the unlinked name is one click away. */
    @Override
    public boolean listedByDefault(String field) {
        return companies == null || !COMPANY_NAME.equals(field);
    }

    /** Says how the free-text company name differs from the lookup, while both are on the form. */
    @Override
    public Optional<String> fieldHint(String field) {
        return companies != null && COMPANY_NAME.equals(field) ? Optional.of(UNLINKED_HINT) : Optional.empty();
    }

    /** An e-mail address names one person. */
    @Override
    public List<String> duplicateFields() {
        return List.of("email");
    }

    @Override
    public List<String> searchFields() {
        return SEARCHED;
    }

    /** The id table of contacts ({@code CONTACTS_ID_GEN}, from the changelog). */
    @Override
    public Optional<IdGenerator> ids() {
        return Optional.of(new IdGenerator("CONTACTS_ID_GEN", "GEN_NAME", "GEN_VALUE", "CONTACT"));
    }

    /** The form's rules (phone format, ...), so an import is checked exactly like the form. */
    @Override
    public List<FieldError> check(Map<String, Object> values) {
        try {
            ContactValidator.validate(new ContactInput(text(values, "firstName"), text(values, "lastName"),
                    text(values, "email"), text(values, "phone"), text(values, COMPANY_NAME)));
            return List.of();
        } catch (ValidationException e) {
            return e.errors();
        }
    }

    private static String text(Map<String, Object> values, String field) {
        Object value = values.get(field);
        return value == null ? "" : value.toString();
    }
}
