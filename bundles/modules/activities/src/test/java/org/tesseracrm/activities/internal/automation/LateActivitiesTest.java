package org.tesseracrm.activities.internal.automation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.Timers;

class LateActivitiesTest {
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:05Z");

    private final Map<Long, RecordRow> rows = new HashMap<>();
    private final List<String> calls = new ArrayList<>();

    private final LateActivities late = new LateActivities(
            (Records) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Records.class},
                    (p, method, args) -> switch (method.getName()) {
                        case "get" -> Optional.ofNullable(rows.get((Long) args[1]));
                        case "update" -> {
                            calls.add("update " + args[0] + " " + args[1] + " v" + args[2] + " "
                                    + ((RecordValues) args[3]).typed());
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }),
            (Timers) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Timers.class},
                    (p, method, args) -> {
                        calls.add(method.getName() + " " + args[0] + " " + args[1] + " " + args[2]);
                        return 1L;
                    }),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private void fire(long id) {
        late.fire(new DueTimer(1, LateActivities.HANDLER, Long.toString(id), NOW, "", 1));
    }

    private void activity(long id, String due, boolean done, boolean isLate) {
        rows.put(id, new RecordRow(id, 4, Map.of("dueAt", LocalDateTime.parse(due), "done", done, "late", isLate)));
    }

    @Test
    void anOpenActivityPastItsDueTimeIsFlaggedLate() {
        activity(1, "2026-12-07T10:00", false, false);
        fire(1);
        assertEquals(List.of("update activity 1 v4 {late=Optional[true]}"), calls);
    }

    @Test
    void completedInTimeGoneOrAlreadyLateStaysAsItIs() {
        activity(2, "2026-12-07T10:00", true, false);
        activity(3, "2026-12-07T10:00", false, true);
        fire(2);
        fire(3);
        fire(4);
        late.fire(new DueTimer(1, LateActivities.HANDLER, "not-an-id", NOW, "", 1));
        assertEquals(List.of(), calls);
    }

    @Test
    void aDueTimeMovedLaterIsWaitedFor() {
        activity(5, "2026-12-08T09:00", false, false);
        fire(5);
        assertEquals(List.of("schedule activities.late 5 2026-12-08T09:00:00.001Z"), calls);
    }
}
