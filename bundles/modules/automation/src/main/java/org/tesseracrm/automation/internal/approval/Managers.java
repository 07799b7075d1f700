package org.tesseracrm.automation.internal.approval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.UserInfo;

/**
 * A user's manager in the role tree, as the cases module escalates "up the role tree": the active users of the
 * nearest role above the user's role that has active users. A user without a role, or at the top, has none.
 */
final class Managers {
    private final Map<Long, Long> parentOf = new HashMap<>();
    private final Map<Long, String> roleName = new HashMap<>();
    private final Map<String, UserInfo> users = new HashMap<>();
    private final Map<Long, List<String>> activeByRole = new HashMap<>();

    /**
     * @param roles the role tree
     * @param users every user
     */
    Managers(List<RoleInfo> roles, List<UserInfo> users) {
        for (RoleInfo role : roles) {
            roleName.put(role.id(), role.name());
            if (role.parentId() != null) {
                parentOf.put(role.id(), role.parentId());
            }
        }
        for (UserInfo user : users) {
            this.users.put(user.username(), user);
            if (user.active() && user.roleId() != null) {
                activeByRole.computeIfAbsent(user.roleId(), r -> new ArrayList<>()).add(user.username());
            }
        }
        activeByRole.values().forEach(list -> list.sort(null));
    }

    /**
     * @param username a user name
     * @return the user's managers, by user name; empty when there is nobody above them
     */
    List<String> of(String username) {
        UserInfo user = users.get(username);
        if (user == null || user.roleId() == null) {
            return List.of();
        }
        Set<Long> seen = new HashSet<>();
        Long role = parentOf.get(user.roleId());
        while (role != null && seen.add(role)) {
            List<String> found = activeByRole.getOrDefault(role, List.of());
            if (!found.isEmpty()) {
                return List.copyOf(found);
            }
            role = parentOf.get(role);
        }
        return List.of();
    }

    /**
     * @param username a user name
     * @return whether the user exists and may sign in
     */
    boolean active(String username) {
        UserInfo user = users.get(username);
        return user != null && user.active();
    }
}
