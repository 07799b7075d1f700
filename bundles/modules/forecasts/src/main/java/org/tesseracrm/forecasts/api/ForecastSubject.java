package org.tesseracrm.forecasts.api;

import java.util.Objects;

/**
 * A role or a user a forecast row and its target are about.
 *
 * @param kind role or user
 * @param key the role's id as text for a role, the user name for a user
 */
public record ForecastSubject(SubjectKind kind, String key) {
    /** Checks the parts are present. */
    public ForecastSubject {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
    }

    /**
     * @param roleId a role id
     * @return the subject for the role (and its subtree)
     */
    public static ForecastSubject role(long roleId) {
        return new ForecastSubject(SubjectKind.ROLE, Long.toString(roleId));
    }

    /**
     * @param username a user name
     * @return the subject for the user
     */
    public static ForecastSubject user(String username) {
        return new ForecastSubject(SubjectKind.USER, username);
    }

    /**
     * @return the role id of a role subject
     * @throws IllegalStateException for a user subject
     * @throws NumberFormatException for a role key that is not a number
     */
    public long roleId() {
        if (kind != SubjectKind.ROLE) {
            throw new IllegalStateException("Not a role: " + key);
        }
        return Long.parseLong(key);
    }
}
