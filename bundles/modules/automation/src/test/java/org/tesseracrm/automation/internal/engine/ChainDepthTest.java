package org.tesseracrm.automation.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.automation.Rule;
import org.tesseracrm.kernel.api.automation.RuleAction;

class ChainDepthTest {
    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private static final Rule BUMP = new Rule(3, 2, "Bump score on update", "lead", "record.updated", Map.of(),
            Criteria.none(), List.of(RuleAction.of("record.update-field", Map.of("field", "score"))),
            Rule.Repeat.EVERY_TIME, true);

    private final ChainDepth chains = new ChainDepth(3, Duration.ofSeconds(60), "automation");

    @Test
    void aUsersChangeStartsAtDepthOneAndTheEnginesOwnWritesGoOneDeeper() {
        assertEquals(1, chains.depthOf("lead", 42, "anna", T0));
        chains.wrote("lead", 42, 1, T0);
        assertEquals(2, chains.depthOf("lead", 42, "automation", T0.plusMillis(50)));
        // the same record changed by a user meanwhile starts a chain of its own
        assertEquals(1, chains.depthOf("lead", 42, "anna", T0.plusMillis(60)));
        // another record written by nobody
        assertEquals(1, chains.depthOf("lead", 43, "automation", T0));
        // the deepest write of a record counts
        chains.wrote("lead", 42, 2, T0.plusMillis(70));
        chains.wrote("lead", 42, 1, T0.plusMillis(80));
        assertEquals(3, chains.depthOf("lead", 42, "automation", T0.plusMillis(90)));
    }

    @Test
    void aRuleThatTriggersItselfStopsAtTheLimitAndSaysSo() {
        int depth = chains.depthOf("lead", 42, "anna", T0);
        int runs = 0;
        Optional<String> refusal = Optional.empty();
        for (int i = 0; i < 10 && refusal.isEmpty(); i++) {
            refusal = chains.refusal(BUMP, "lead", 42, depth);
            if (refusal.isEmpty()) {
                runs++;
                chains.wrote("lead", 42, depth, T0.plusSeconds(i));
                depth = chains.depthOf("lead", 42, "automation", T0.plusSeconds(i).plusMillis(20));
            }
        }
        assertEquals(3, runs);
        assertEquals("Rule \"Bump score on update\" (version 2) stopped on lead #42: it is run 4 deep in a chain of "
                + "rules started by one change, and at most 3 may start one another. Check the rules whose actions "
                + "change records their own triggers react to.", refusal.orElseThrow());
    }

    @Test
    void forgetsWritesOlderThanItsMemory() {
        chains.wrote("lead", 42, 2, T0);
        chains.wrote("lead", 44, 1, T0.plusSeconds(30));
        assertEquals(1, chains.depthOf("lead", 42, "automation", T0.plusSeconds(61)));
        assertEquals(1, chains.forgetOld(T0.plusSeconds(61)));
        assertEquals(2, chains.depthOf("lead", 44, "automation", T0.plusSeconds(61)));
        assertEquals(0, chains.forgetOld(T0.plusSeconds(91)));
    }

    @Test
    void needsALimitOfAtLeastOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ChainDepth(0, Duration.ofSeconds(1), "automation"));
        assertTrue(e.getMessage().contains("at least 1"));
        assertEquals(ChainDepth.DEFAULT_MAX, new ChainDepth(ChainDepth.DEFAULT_MAX, Duration.ofSeconds(1), "a").max());
    }
}
