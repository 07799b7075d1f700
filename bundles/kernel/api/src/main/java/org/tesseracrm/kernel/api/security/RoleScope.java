package org.tesseracrm.kernel.api.security;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The part of the role tree a caller works in: their own role, every role below it, and the users of each of those
 * roles ({@link AccessControl#roleScope()}). Figures that follow the hierarchy, such as sales forecasts, are built
 * from it: a caller may look at their own role and what lies below it, never at the roles above theirs or at
 * sibling branches, which the scope does not contain.
 *
 * @param username the caller
 * @param role the caller's role; empty for a user without one (the scope then holds no roles)
 * @param roles the caller's role and every role below it, depth first: each parent right before its subtree,
 *     children by name
 * @param members the users holding each of those roles, by role id (every role of {@code roles} has an entry,
 *     possibly empty), sorted by user name; inactive users included (see {@link Member#active()})
 * @since 1.3
 */
public record RoleScope(String username, Optional<RoleInfo> role, List<RoleInfo> roles, Map<Long, List<Member>> members) {
    /**
     * A user holding a role of the scope.
     *
     * @param username the login name
     * @param fullName the name shown to others
     * @param active whether the user may sign in
     * @since 1.3
     */
    public record Member(String username, String fullName, boolean active) {
        /** Checks the parts are present. */
        public Member {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(fullName, "fullName");
        }
    }

    /** Checks the parts are present and keeps unmodifiable copies, a role's members in their order. */
    public RoleScope {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        roles = List.copyOf(roles);
        Map<Long, List<Member>> copy = new LinkedHashMap<>();
        members.forEach((id, users) -> copy.put(id, List.copyOf(users)));
        members = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * @param roleId a role id
     * @return whether the role is the caller's or below it
     */
    public boolean contains(long roleId) {
        return roles.stream().anyMatch(r -> r.id() == roleId);
    }

    /**
     * @param roleId a role of the scope
     * @return the roles directly below it, by name; empty for a role outside the scope
     */
    public List<RoleInfo> children(long roleId) {
        if (!contains(roleId)) {
            return List.of();
        }
        return roles.stream().filter(r -> r.parentId() != null && r.parentId() == roleId).toList();
    }

    /**
     * @param roleId a role of the scope
     * @return the users holding exactly that role, by user name; empty for a role outside the scope
     */
    public List<Member> membersOf(long roleId) {
        return members.getOrDefault(roleId, List.of());
    }

    /**
     * @param roleId a role of the scope
     * @return the role and every role below it, the role first; empty for a role outside the scope
     */
    public Set<Long> subtree(long roleId) {
        Set<Long> found = new LinkedHashSet<>();
        if (!contains(roleId)) {
            return found;
        }
        Deque<Long> todo = new ArrayDeque<>(List.of(roleId));
        while (!todo.isEmpty()) {
            long next = todo.pop();
            if (found.add(next)) {
                children(next).forEach(child -> todo.add(child.id()));
            }
        }
        return found;
    }

    /**
     * @param roleId a role of the scope
     * @return the user names of everyone holding the role or a role below it, active or not; empty for a role
     *     outside the scope
     */
    public List<String> usersOfSubtree(long roleId) {
        List<String> users = new ArrayList<>();
        subtree(roleId).forEach(id -> membersOf(id).forEach(m -> users.add(m.username())));
        return users;
    }
}
