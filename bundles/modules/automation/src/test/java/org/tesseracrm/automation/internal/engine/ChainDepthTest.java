package org.tesseracrm.automation.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.automation.Rule;
import org.tesseracrm.kernel.api.automation.RuleAction;

class ChainDepthTest {
    private static final Rule BUMP = new Rule(3, 2, "Bump score on update", "lead", "record.updated", Map.of(),
            Criteria.none(), List.of(RuleAction.of("record.updateField", Map.of("field", "score"))),
            Rule.Repeat.EVERY_TIME, true);

    private final ChainDepth chains = new ChainDepth(3);

    @Test
    void aChangeOutsideActionsStartsAtDepthOneAndAnActionsChangeOneDeeper() {
        assertEquals(1, chains.next());
        assertEquals(2, chains.running(1, chains::next));
        assertEquals(4, chains.running(1, () -> chains.running(3, chains::next)));
        // the depth is restored when the actions end, also when they fail
        assertEquals(2, chains.running(1, () -> {
            assertThrows(IllegalStateException.class, () -> chains.running(2, () -> {
                throw new IllegalStateException("action failed");
            }));
            return chains.next();
        }));
        assertEquals(1, chains.next());
    }

    @Test
    void theDepthBelongsToTheThreadRunningTheActions() throws Exception {
        int elsewhere = chains.running(3, () -> CompletableFuture.supplyAsync(chains::next).join());
        assertEquals(1, elsewhere);
    }

    @Test
    void aRuleThatTriggersItselfStopsAtTheLimitAndSaysSo() {
        // each run's action updates the record, whose change starts the next run on the same thread
        List<Integer> ran = new ArrayList<>();
        Optional<String> refusal = chain(chains.next(), ran);
        assertEquals(List.of(1, 2, 3), ran);
        assertEquals("Rule \"Bump score on update\" (version 2) stopped on lead #42: it is run 4 deep in a chain of "
                + "rules started by one change, and at most 3 may start one another. Check the rules whose actions "
                + "change records their own triggers react to.", refusal.orElseThrow());
    }

    private Optional<String> chain(int depth, List<Integer> ran) {
        Optional<String> refusal = chains.refusal(BUMP, "lead", 42, depth);
        if (refusal.isPresent()) {
            return refusal;
        }
        ran.add(depth);
        return chains.running(depth, () -> chain(chains.next(), ran));
    }

    @Test
    void needsALimitOfAtLeastOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ChainDepth(0));
        assertTrue(e.getMessage().contains("at least 1"));
        assertEquals(ChainDepth.DEFAULT_MAX, new ChainDepth(ChainDepth.DEFAULT_MAX).max());
    }
}
