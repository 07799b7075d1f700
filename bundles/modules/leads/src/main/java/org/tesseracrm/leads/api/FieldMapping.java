package org.tesseracrm.leads.api;

import java.util.Objects;

/**
 * One lead field copied into a field of a record a conversion creates.
 *
 * @param leadField the lead field's name (predefined or custom)
 * @param targetType {@code company}, {@code contact} or {@code opportunity}
 * @param targetField the field's name in that record type (predefined or custom)
 * @param builtIn whether the module defines it (predefined fields); such a mapping cannot be removed
 */
public record FieldMapping(String leadField, String targetType, String targetField, boolean builtIn) {
    /** Checks the parts are present. */
    public FieldMapping {
        Objects.requireNonNull(leadField, "leadField");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(targetField, "targetField");
    }
}
