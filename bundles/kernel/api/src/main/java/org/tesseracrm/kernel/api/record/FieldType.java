package org.tesseracrm.kernel.api.record;

/** The kinds of value a record field holds. */
public enum FieldType {
    /** A single line of text. */
    TEXT,
    /** An e-mail address. */
    EMAIL,
    /** A phone number. */
    PHONE,
    /** A user name. */
    USER,
    /** A point in time. */
    DATE_TIME
}
