package org.tesseracrm.kernel.api.audit;

/**
 * One field's change.
 *
 * @param field the field name
 * @param oldValue the value before, empty if none
 * @param newValue the value after, empty if none
 */
public record FieldChange(String field, String oldValue, String newValue) {
}
