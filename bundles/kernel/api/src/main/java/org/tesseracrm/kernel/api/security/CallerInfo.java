package org.tesseracrm.kernel.api.security;

import java.util.Objects;
import java.util.Set;

/**
 * The current caller as they may see themselves.
 *
 * @param username the login name
 * @param fullName the name shown to others
 * @param fullAccess whether their profile grants every permission and every record
 * @param permissions the permission ids their profile grants (when not full access)
 */
public record CallerInfo(String username, String fullName, boolean fullAccess, Set<String> permissions) {
    /** Checks the names are present; copies the permissions. */
    public CallerInfo {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(fullName, "fullName");
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }
}
