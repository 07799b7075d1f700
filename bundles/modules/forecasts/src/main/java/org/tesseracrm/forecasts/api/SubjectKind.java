package org.tesseracrm.forecasts.api;

/** What a forecast row or target is about. */
public enum SubjectKind {
    /** A role and everyone in its subtree. */
    ROLE,
    /** One user. */
    USER
}
