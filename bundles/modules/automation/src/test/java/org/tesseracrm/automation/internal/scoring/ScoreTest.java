package org.tesseracrm.automation.internal.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tesseracrm.automation.api.ScoringRule;
import org.tesseracrm.automation.api.ScoringRule.Basis;
import org.tesseracrm.kernel.api.automation.Criteria;

class ScoreTest {
    private static ScoringRule rule(long id, Basis basis, int points, int cap, boolean active) {
        return new ScoringRule(id, "lead", "r" + id, basis, Criteria.none(), points, cap, active);
    }

    @Test
    void sumsFieldRulesMetAndActivitiesDoneUpToTheirCap() {
        List<ScoringRule> rules = List.of(
                rule(1, Basis.FIELDS, 20, 0, true),       // met
                rule(2, Basis.FIELDS, 50, 0, true),       // not met
                rule(3, Basis.FIELDS, -10, 0, true),      // met, takes away
                rule(4, Basis.ACTIVITIES_DONE, 5, 3, true),  // 7 done, capped at 3
                rule(5, Basis.ACTIVITIES_DONE, 2, 10, true), // 4 done
                rule(6, Basis.FIELDS, 1000, 0, false));   // switched off
        Map<Long, Boolean> met = Map.of(1L, true, 2L, false, 3L, true, 6L, true);
        Map<Long, Long> done = Map.of(4L, 7L, 5L, 4L);
        long score = Score.of(rules, r -> met.getOrDefault(r.id(), false), r -> done.getOrDefault(r.id(), 0L));
        assertEquals(20 - 10 + 15 + 8, score);
    }

    @Test
    void noRulesNoPoints() {
        assertEquals(0, Score.of(List.of(), r -> true, r -> 1));
        assertEquals(0, Score.of(List.of(rule(1, Basis.ACTIVITIES_DONE, 5, 3, true)), r -> true, r -> 0));
    }
}
