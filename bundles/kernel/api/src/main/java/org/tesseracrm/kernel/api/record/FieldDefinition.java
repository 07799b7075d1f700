package org.tesseracrm.kernel.api.record;

/**
 * A predefined field of a record type.
 *
 * @param name the property name used in queries and errors, e.g. {@code lastName}
 * @param label what users see
 * @param type the kind of value
 * @param required whether a record must have a value
 * @param maxLength the maximum length of a text value, 0 for none
 * @param sortable whether list views may sort by it
 */
public record FieldDefinition(String name, String label, FieldType type, boolean required, int maxLength,
        boolean sortable) {
}
