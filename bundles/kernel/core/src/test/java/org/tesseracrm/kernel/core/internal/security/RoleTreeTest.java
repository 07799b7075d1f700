package org.tesseracrm.kernel.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RoleTreeTest {
    // 1 CEO → 2 sales manager → 3, 4 reps; 1 → 5 service manager
    private final RoleTree tree = new RoleTree(parents());

    private static Map<Long, Long> parents() {
        Map<Long, Long> parents = new HashMap<>();
        parents.put(1L, null);
        parents.put(2L, 1L);
        parents.put(3L, 2L);
        parents.put(4L, 2L);
        parents.put(5L, 1L);
        return parents;
    }

    @Test
    void aRoleHasEveryRoleBelowItButNotItselfItsPeersOrItsBoss() {
        assertEquals(Set.of(2L, 3L, 4L, 5L), tree.below(1L));
        assertEquals(Set.of(3L, 4L), tree.below(2L));
        assertEquals(Set.of(), tree.below(3L));
        assertEquals(Set.of(), tree.below(null));
    }

    @Test
    void movingARoleBelowItselfOrItsSubordinatesWouldCloseACycle() {
        assertTrue(tree.wouldCycle(2L, 2L));
        assertTrue(tree.wouldCycle(2L, 3L));
        assertTrue(tree.wouldCycle(1L, 4L));
        assertFalse(tree.wouldCycle(2L, 5L));
        assertFalse(tree.wouldCycle(3L, null));
    }

    @Test
    void aCycleAlreadyInTheDataDoesNotLoopForever() {
        Map<Long, Long> broken = new HashMap<>(Map.of(7L, 8L, 8L, 7L));
        assertEquals(Set.of(8L), new RoleTree(broken).below(7L));
    }
}
