package org.tesseracrm.reports.internal.ui;

import org.tesseracrm.kernel.api.record.FieldType;

/**
 * A field the builder offers for grouping, measuring or the period: one of the record type's, or one of the record a
 * lookup field points at ({@code lookupField.targetField}, labelled "Company › Industry").
 *
 * @param name the name the report spec holds
 * @param label what users read
 * @param type the field's type
 */
record FieldChoice(String name, String label, FieldType type) {
    /** @return whether it is a date or date-time, grouped by a bucket */
    boolean dated() {
        return type == FieldType.DATE || type == FieldType.DATE_TIME;
    }

    /** @return whether it is a number or money, to sum and average */
    boolean numeric() {
        return type == FieldType.NUMBER || type == FieldType.MONEY;
    }
}
