package org.tesseracrm.cases.internal.sla;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.UserInfo;

/**
 * Who a case escalates to, in the role tree: level 1 goes to the active users of the role above the responsible's;
 * when that role has none, to the next role up that has some. Level n goes up from the role level n-1 reached, the
 * same way. A responsible without a role, or a level above the top of the tree, has nobody.
 */
public final class EscalationTargets {
    private final Map<Long, RoleInfo> roles = new HashMap<>();
    private final Map<String, Long> roleOfUser = new HashMap<>();
    private final Map<Long, List<String>> activeMembers = new HashMap<>();

    /**
     * A level's role and its users.
     *
     * @param role the role reached
     * @param users its active users, by user name
     */
    public record Target(RoleInfo role, List<String> users) {
    }

    /**
     * @param roles the role tree
     * @param users every user, with their role
     */
    public EscalationTargets(List<RoleInfo> roles, List<UserInfo> users) {
        roles.forEach(r -> this.roles.put(r.id(), r));
        for (UserInfo user : users) {
            if (user.roleId() != null) {
                roleOfUser.put(user.username(), user.roleId());
                if (user.active()) {
                    activeMembers.computeIfAbsent(user.roleId(), k -> new java.util.ArrayList<>()).add(user.username());
                }
            }
        }
        activeMembers.values().forEach(list -> list.sort(String::compareTo));
    }

    /**
     * @param responsible the user name of the case's responsible
     * @param level the escalation level, 1 for the manager
     * @return the role and users of that level; empty when the tree has no one there
     */
    public Optional<Target> of(String responsible, int level) {
        Long roleId = roleOfUser.get(responsible);
        if (roleId == null || level < 1) {
            return Optional.empty();
        }
        Set<Long> seen = new HashSet<>();
        Optional<Target> reached = Optional.empty();
        for (int i = 0; i < level; i++) {
            reached = above(roleId, seen);
            if (reached.isEmpty()) {
                return Optional.empty();
            }
            roleId = reached.get().role().id();
        }
        return reached;
    }

    private Optional<Target> above(long roleId, Set<Long> seen) {
        RoleInfo role = roles.get(roleId);
        while (role != null && role.parentId() != null && seen.add(role.parentId())) {
            RoleInfo parent = roles.get(role.parentId());
            if (parent == null) {
                return Optional.empty();
            }
            List<String> users = activeMembers.getOrDefault(parent.id(), List.of());
            if (!users.isEmpty()) {
                return Optional.of(new Target(parent, List.copyOf(users)));
            }
            role = parent;
        }
        return Optional.empty();
    }
}
