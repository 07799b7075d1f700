package org.tesseracrm.kernel.api.record;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of record a module keeps (contact, company, ...). Registered as a service so the kernel and
 * other modules can discover it; service property {@link #ID}.
 */
@ConsumerType
public interface RecordType {
    /** Service property: the record type id, e.g. {@code contact}. */
    String ID = "crm.record.type";

    /** @return the record type id, equal to the {@link #ID} property */
    String id();

    /** @return the singular label, e.g. "Contact" */
    String label();

    /** @return the plural label, e.g. "Contacts" */
    String pluralLabel();

    /** @return the predefined fields, in form order */
    List<FieldDefinition> fields();

    /** @return the names of the fields a text search looks in */
    List<String> searchFields();
}
