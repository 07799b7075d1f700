package org.tesseracrm.forecasts.api;

/** Where a row of a forecast stands relative to the user whose forecast it is. */
public enum RowPlace {
    /** The user's own role, its figures covering the role's whole subtree. */
    OWN_ROLE,
    /** The user themselves. */
    SELF,
    /** Another member of the user's role. */
    MEMBER,
    /** A role right below the user's (a subordinate role). */
    SUBORDINATE_ROLE,
    /** A role further down the user's subtree. */
    LOWER_ROLE
}
