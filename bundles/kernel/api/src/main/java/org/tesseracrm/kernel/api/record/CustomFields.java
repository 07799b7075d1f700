package org.tesseracrm.kernel.api.record;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The fields of each record type, predefined and custom, and the pick-lists of pick-list fields.
 * Adding a custom field takes effect at once: forms, list columns, filters, sorting, export and
 * import see it. Reading needs the type's {@code <moduleId>.view} permission; changing needs
 * {@code <moduleId>.configure}.
 */
@ProviderType
public interface CustomFields {
    /**
     * Kernel permission that opens the admin page for fields and pick-lists. Changing a record type's
     * fields also needs that type's {@code <moduleId>.configure}.
     */
    String CUSTOMIZE = "administration.customize";
    /**
     * @param recordType a record type id
     * @return the type's fields: predefined in form order, then custom in the order they were added
     * @throws org.tesseracrm.kernel.api.NotFoundException if no such record type is installed
     */
    List<FieldDefinition> fields(String recordType);

    /**
     * Adds a custom field: a new, indexed column of the record type's table.
     *
     * @param recordType a record type id
     * @param input the field
     * @return the new field
     * @throws org.tesseracrm.kernel.api.ValidationException if the label is empty, too long or taken,
     *     or a lookup names no record type
     */
    FieldDefinition add(String recordType, CustomFieldInput input);

    /**
     * Removes a custom field and its values.
     *
     * @param recordType a record type id
     * @param field the custom field's name
     * @throws org.tesseracrm.kernel.api.ValidationException if the field is predefined
     */
    void remove(String recordType, String field);

    /**
     * @param recordType a record type id
     * @param field a pick-list field's name
     * @return its values in order, inactive ones included
     */
    List<PickListValue> pickList(String recordType, String field);

    /**
     * Replaces a pick-list's values. A value records still hold cannot be dropped, only made inactive.
     *
     * @param recordType a record type id
     * @param field a pick-list field's name
     * @param values the values in order; at most one default
     * @throws org.tesseracrm.kernel.api.ValidationException if values repeat, are blank or too long,
     *     several are default, or a dropped value is still used
     */
    void savePickList(String recordType, String field, List<PickListValue> values);
}
