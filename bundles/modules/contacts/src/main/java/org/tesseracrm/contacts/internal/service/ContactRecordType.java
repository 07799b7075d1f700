package org.tesseracrm.contacts.internal.service;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.contacts.api.ContactService;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordType;

/** Describes contacts to the kernel: their predefined fields and what a text search looks at. */
@Component(service = RecordType.class, property = RecordType.ID + "=" + ContactService.RECORD_TYPE)
public class ContactRecordType implements RecordType {

    private static final List<FieldDefinition> FIELDS = List.of(
            new FieldDefinition("firstName", "First name", FieldType.TEXT, false, ContactValidator.NAME_MAX, true),
            new FieldDefinition("lastName", "Last name", FieldType.TEXT, true, ContactValidator.NAME_MAX, true),
            new FieldDefinition("email", "E-mail", FieldType.EMAIL, false, ContactValidator.EMAIL_MAX, true),
            new FieldDefinition("phone", "Phone", FieldType.PHONE, false, ContactValidator.PHONE_MAX, true),
            new FieldDefinition("companyName", "Company", FieldType.TEXT, false, ContactValidator.COMPANY_MAX, true),
            new FieldDefinition("owner", "Owner", FieldType.USER, true, 100, true),
            new FieldDefinition("createdAt", "Created", FieldType.DATE_TIME, true, 0, true),
            new FieldDefinition("updatedAt", "Updated", FieldType.DATE_TIME, true, 0, true));

    @Override
    public String id() {
        return ContactService.RECORD_TYPE;
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
        return FIELDS;
    }

    @Override
    public List<String> searchFields() {
        return ContactQuery.SEARCHED;
    }
}
