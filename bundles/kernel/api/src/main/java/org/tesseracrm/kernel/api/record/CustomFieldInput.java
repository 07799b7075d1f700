package org.tesseracrm.kernel.api.record;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an admin enters to add a custom field.
 *
 * @param label what users will see; also gives the field its name ({@code cf_} plus the label in
 *     lower case letters, digits and underscores)
 * @param type the kind of value
 * @param required whether records must have a value (checked when they are saved)
 * @param maxLength for text types, the maximum length; 0 for the type's default
 * @param lookupType for {@link FieldType#LOOKUP}: the record type referred to
 * @param pickList for pick-list types: the initial values, in order
 */
public record CustomFieldInput(String label, FieldType type, boolean required, int maxLength,
        Optional<String> lookupType, List<String> pickList) {
    /** Checks the parts are present. */
    public CustomFieldInput {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(lookupType, "lookupType");
        pickList = List.copyOf(pickList);
    }

    /**
     * @param label what users will see
     * @param type the kind of value
     * @return an optional field of that type with default length
     */
    public static CustomFieldInput of(String label, FieldType type) {
        return new CustomFieldInput(label, type, false, 0, Optional.empty(), List.of());
    }

    /**
     * @param label what users will see
     * @param multiple true for a multi pick-list
     * @param values the values, in order
     * @return an optional pick-list field
     */
    public static CustomFieldInput pickList(String label, boolean multiple, List<String> values) {
        return new CustomFieldInput(label, multiple ? FieldType.MULTI_PICKLIST : FieldType.PICKLIST, false, 0,
                Optional.empty(), values);
    }
}
