package org.tesseracrm.automation.internal.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.automation.RuleAction;

class ScheduleStoreTest {
    @Test
    void actionsReadBackAsWritten() {
        List<RuleAction> actions = List.of(
                RuleAction.of("activities.create", Map.of("kind", "call", "subject", "Call | back\\now",
                        "notes", "two\nlines")),
                RuleAction.of("notification.send", Map.of()));
        assertEquals(actions, ScheduleStore.actions(ScheduleStore.encode(actions)));
        assertEquals(List.of(), ScheduleStore.actions(ScheduleStore.encode(List.of())));
    }
}
