package org.tesseracrm.kernel.api.record;

/**
 * The kinds of value a record field holds. The record platform stores, parses, filters, exports and
 * imports a value by its type; list filters offer the operators {@link FilterOp#allows} permits.
 */
public enum FieldType {
    /** A single line of text. */
    TEXT,
    /** Several lines of text. */
    LONG_TEXT,
    /** A decimal number. */
    NUMBER,
    /** An amount of money, two decimals. */
    MONEY,
    /** A calendar date. */
    DATE,
    /** A point in time. */
    DATE_TIME,
    /** Yes or no. */
    BOOLEAN,
    /** One value of an admin-edited pick-list. */
    PICKLIST,
    /** Any number of values of an admin-edited pick-list. */
    MULTI_PICKLIST,
    /** An e-mail address. */
    EMAIL,
    /** A phone number. */
    PHONE,
    /** A web address (http or https). */
    URL,
    /** The id of a record of another record type. */
    LOOKUP,
    /** A user name. */
    USER;

    /** @return true for the types whose values are free text */
    public boolean textual() {
        return switch (this) {
            case TEXT, LONG_TEXT, EMAIL, PHONE, URL, USER -> true;
            default -> false;
        };
    }

    /** @return true for the types that filter by a from/to range */
    public boolean ranged() {
        return switch (this) {
            case NUMBER, MONEY, DATE, DATE_TIME -> true;
            default -> false;
        };
    }
}
