package org.tesseracrm.kernel.api.record;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A field of a record type: predefined by its module or custom, added by an admin at runtime.
 *
 * @param name the property name used in queries, filters, exports and errors, e.g. {@code lastName};
 *     custom fields are named {@code cf_<label>}
 * @param label what users see
 * @param type the kind of value
 * @param required whether a record must have a value
 * @param maxLength the maximum length of a text value, 0 for none
 * @param sortable whether list views may sort and filter by it
 * @param column the column of the record type's table that holds the value (upper case, unquoted)
 * @param custom true for fields admins added; only those can be removed
 * @param lookupType for {@link FieldType#LOOKUP}: the record type referred to
 */
public record FieldDefinition(String name, String label, FieldType type, boolean required, int maxLength,
        boolean sortable, String column, boolean custom, Optional<String> lookupType) {
    /** Checks the parts are present. */
    public FieldDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(lookupType, "lookupType");
    }

    private static final Set<String> SYSTEM_SET = Set.of("ID", "VERSION", "CREATED_AT", "UPDATED_AT");

    /** @return false for the columns the platform sets itself (id, version, creation and change times) */
    public boolean importable() {
        return !SYSTEM_SET.contains(column);
    }

    /**
     * A sortable predefined field.
     *
     * @param name the property name
     * @param label what users see
     * @param type the kind of value
     * @param column the table column
     * @param required whether a record must have a value
     * @param maxLength maximum text length, 0 for none
     * @return the definition
     */
    public static FieldDefinition predefined(String name, String label, FieldType type, String column,
            boolean required, int maxLength) {
        return new FieldDefinition(name, label, type, required, maxLength, true, column, false, Optional.empty());
    }
}
