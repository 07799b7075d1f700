package org.tesseracrm.kernel.api.automation;

/**
 * The kinds of value a {@link Parameter} of a trigger or an action takes, and so the input the admin UI shows
 * for it. Every value travels as text (see {@link Parameter}); the form of the text is given for each kind.
 */
public enum ParameterType {
    /** One line of text. */
    TEXT,
    /** Several lines of text, e.g. an activity's notes. */
    LONG_TEXT,
    /** A decimal number with a dot, e.g. {@code 20.5}. */
    NUMBER,
    /** {@code true} or {@code false}; a check box. */
    BOOLEAN,
    /** One of the parameter's {@link Parameter#choices()}; a select. */
    CHOICE,
    /** Any of the parameter's {@link Parameter#choices()}, joined by {@code ;}. */
    MULTI_CHOICE,
    /** An amount of time as {@link TimeSpan#parse} reads it, e.g. {@code 3 days}. */
    TIME_SPAN,
    /** A field name of the rule's record type, predefined or custom; a select of its fields. */
    FIELD,
    /** A user name. */
    USER,
    /** Names of user groups, joined by {@code ;}. */
    GROUPS
}
