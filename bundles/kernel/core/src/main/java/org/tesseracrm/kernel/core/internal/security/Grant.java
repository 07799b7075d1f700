package org.tesseracrm.kernel.core.internal.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tesseracrm.kernel.api.security.Visibility;

/**
 * What one user may do, computed from their profile and the role tree.
 *
 * @param active whether the account exists and is active
 * @param fullAccess every permission and every record
 * @param permissions the granted permission ids
 * @param visibility whose records the user sees
 * @param assignable the users the user may assign records to, sorted
 * @param groupMates the active users sharing a group with the user, the user included
 * @param branches the branch of each user whose records the user sees ("" for none)
 * @param loadedAt when this was read (System.nanoTime), for expiry
 * @param fullName the name shown to others
 */
record Grant(boolean active, boolean fullAccess, Set<String> permissions, Visibility visibility, List<String> assignable,
        Set<String> groupMates, Map<String, String> branches, long loadedAt, String fullName) {

    static Grant none(long now) {
        return new Grant(false, false, Set.of(), new Visibility(false, Set.of()), List.of(), Set.of(), Map.of(), now, "");
    }

    boolean permits(String permission) {
        return active && (fullAccess || permissions.contains(permission));
    }
}
