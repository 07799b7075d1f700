package org.tesseracrm.kernel.api.security;

import java.util.Set;

/**
 * A permission profile: the module × permission matrix a user works with.
 *
 * @param id the profile id, null for a profile not stored yet
 * @param name the unique name, e.g. "Sales rep"
 * @param fullAccess every permission of every module, present and future, and every record
 * @param permissions the granted permission ids when not full access
 */
public record ProfileInfo(Long id, String name, boolean fullAccess, Set<String> permissions) {
    /** Copies the permissions; null means none. */
    public ProfileInfo {
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }
}
