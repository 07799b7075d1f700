package org.tesseracrm.kernel.core.internal.security;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The role tree as parent links; answers which roles lie below a role. Pure logic. */
final class RoleTree {
    private final Map<Long, List<Long>> children = new HashMap<>();

    /** @param parentById each role id with its parent id (null for a top role) */
    RoleTree(Map<Long, Long> parentById) {
        parentById.forEach((id, parent) -> {
            if (parent != null) {
                children.computeIfAbsent(parent, p -> new java.util.ArrayList<>()).add(id);
            }
        });
    }

    /**
     * @param role a role id, may be null
     * @return the roles strictly below it (children, their children, ...); empty for null
     */
    Set<Long> below(Long role) {
        Set<Long> found = new HashSet<>();
        if (role == null) {
            return found;
        }
        Deque<Long> todo = new ArrayDeque<>(children.getOrDefault(role, List.of()));
        while (!todo.isEmpty()) {
            Long next = todo.pop();
            if (found.add(next)) {
                todo.addAll(children.getOrDefault(next, List.of()));
            }
        }
        found.remove(role);
        return found;
    }

    /**
     * @param role a role
     * @param newParent a proposed parent
     * @return whether making {@code newParent} the parent of {@code role} would close a cycle
     */
    boolean wouldCycle(long role, Long newParent) {
        return newParent != null && (newParent == role || below(role).contains(newParent));
    }
}
