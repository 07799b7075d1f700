package org.tesseracrm.automation.internal.assignment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TurnsTest {
    @Test
    void roundRobinGoesByUserNameAndWrapsAround() {
        List<String> pool = List.of("carol", "alice", "bob");
        List<String> turns = new ArrayList<>();
        String last = null;
        for (int i = 0; i < 7; i++) {
            last = Turns.next(pool, last).orElseThrow();
            turns.add(last);
        }
        assertEquals(List.of("alice", "bob", "carol", "alice", "bob", "carol", "alice"), turns);
    }

    @Test
    void roundRobinGoesOnAfterTheLastUserLeftOrJoined() {
        // bob had the last turn and left the group: the turn goes to the next name after his
        assertEquals("carol", Turns.next(List.of("alice", "carol"), "bob").orElseThrow());
        // a new user between the last and the next gets the next turn
        assertEquals("bea", Turns.next(List.of("alice", "bea", "carol"), "alice").orElseThrow());
        assertTrue(Turns.next(List.of(), "alice").isEmpty());
    }

    @Test
    void loadBalancingTakesTheFewestOpenRecords() {
        List<String> pool = List.of("alice", "bob", "carol");
        assertEquals("bob", Turns.fewest(pool, Map.of("alice", 5L, "bob", 2L, "carol", 3L), null).orElseThrow());
        // a user owning nothing counts as 0
        assertEquals("carol", Turns.fewest(pool, Map.of("alice", 1L, "bob", 1L), "alice").orElseThrow());
    }

    @Test
    void equalLoadsTakeTurns() {
        List<String> pool = List.of("alice", "bob", "carol");
        Map<String, Long> open = Map.of("alice", 4L, "bob", 4L, "carol", 9L);
        assertEquals("alice", Turns.fewest(pool, open, null).orElseThrow());
        assertEquals("bob", Turns.fewest(pool, open, "alice").orElseThrow());
        assertEquals("alice", Turns.fewest(pool, open, "bob").orElseThrow());
        assertTrue(Turns.fewest(List.of(), open, null).isEmpty());
    }
}
