package org.tesseracrm.cases.internal.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.security.RoleInfo;
import org.tesseracrm.kernel.api.security.UserInfo;

class EscalationTargetsTest {
    // CEO
    //  └ Service director (nobody active: Dora left)
    //     └ Service manager (Mia, Max)
    //        ├ Agent (Ana, Al)
    //        └ Trainee (Tom)
    //  └ Sales manager (Sam)
    static final List<RoleInfo> ROLES = List.of(new RoleInfo(1, "CEO", null), new RoleInfo(2, "Service director", 1L),
            new RoleInfo(3, "Service manager", 2L), new RoleInfo(4, "Agent", 3L), new RoleInfo(5, "Trainee", 3L),
            new RoleInfo(6, "Sales manager", 1L));

    static UserInfo user(long id, String name, Long role, boolean active) {
        return new UserInfo(id, name, name, name + "@example.com", "", role, null, Set.of(), active, false);
    }

    static final List<UserInfo> USERS = List.of(user(1, "carla", 1L, true), user(2, "dora", 2L, false),
            user(3, "mia", 3L, true), user(4, "max", 3L, true), user(5, "ana", 4L, true), user(6, "al", 4L, true),
            user(7, "tom", 5L, true), user(8, "sam", 6L, true), user(9, "nobody", null, true));

    final EscalationTargets targets = new EscalationTargets(ROLES, USERS);

    @Test
    void levelOneIsTheRoleAboveWithEveryActiveUser() {
        EscalationTargets.Target first = targets.of("ana", 1).orElseThrow();
        assertEquals("Service manager", first.role().name());
        assertEquals(List.of("max", "mia"), first.users());
        assertEquals(first, targets.of("tom", 1).orElseThrow());
    }

    @Test
    void aRoleWithoutActiveUsersIsSkipped() {
        EscalationTargets.Target second = targets.of("ana", 2).orElseThrow();
        assertEquals("CEO", second.role().name());
        assertEquals(List.of("carla"), second.users());
        assertEquals("CEO", targets.of("mia", 1).orElseThrow().role().name());
    }

    @Test
    void theTopOfTheTreeAndUsersWithoutRoleHaveNobody() {
        assertTrue(targets.of("ana", 3).isEmpty());
        assertTrue(targets.of("carla", 1).isEmpty());
        assertTrue(targets.of("nobody", 1).isEmpty());
        assertTrue(targets.of("unknown", 1).isEmpty());
        assertTrue(targets.of("ana", 0).isEmpty());
        assertEquals("CEO", targets.of("sam", 1).orElseThrow().role().name());
    }

    @Test
    void aCycleInTheTreeEnds() {
        EscalationTargets loop = new EscalationTargets(List.of(new RoleInfo(1, "A", 2L), new RoleInfo(2, "B", 1L)),
                List.of(user(1, "a", 1L, true), user(2, "b", 2L, true)));
        assertEquals("B", loop.of("a", 1).orElseThrow().role().name());
        assertEquals("A", loop.of("a", 2).orElseThrow().role().name());
        assertTrue(loop.of("a", 3).isEmpty());
    }
}
