package org.tesseracrm.activities.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.TimerCounts;
import org.tesseracrm.kernel.api.timer.TimerInfo;
import org.tesseracrm.kernel.api.timer.TimerState;
import org.tesseracrm.kernel.api.timer.Timers;

/** The reminders' one durable timer: created once, kept across restarts, moved on by each look. */
class ReminderTimerTest {
    private final FakeTimers timers = new FakeTimers();
    private final List<String> looks = new ArrayList<>();
    private final ReminderScheduler scheduler = new ReminderScheduler(null, null, null, null) {
        @Override
        public List<Activity> dueBetween(LocalDateTime after, LocalDateTime until) throws SQLException {
            looks.add("look");
            return List.of();
        }
    };

    @Test
    void theFirstStartSchedulesTheLookAndALaterStartKeepsTheOneThatWaits() {
        Instant before = Instant.now();
        new ReminderTimer(scheduler, timers, ActivitiesConfig.Fixed.of(24, 5));
        TimerInfo first = timers.rows.get(ReminderTimer.KEY);
        assertTrue(!first.dueAt().isBefore(before.plusSeconds(5)) && first.dueAt().isBefore(before.plusSeconds(6)));

        Instant past = Instant.parse("2026-01-01T00:00:00Z"); // came due while the CRM was down: runs at start, as it is
        timers.rows.put(ReminderTimer.KEY, info(past, TimerState.PENDING));
        new ReminderTimer(scheduler, timers, ActivitiesConfig.Fixed.of(24, 5));
        assertEquals(past, timers.rows.get(ReminderTimer.KEY).dueAt());
    }

    @Test
    void aFailedLookTimerIsScheduledAgainAtTheNextStart() {
        timers.rows.put(ReminderTimer.KEY, info(Instant.parse("2026-01-01T00:00:00Z"), TimerState.FAILED));
        new ReminderTimer(scheduler, timers, ActivitiesConfig.Fixed.of(24, 5));
        assertEquals(TimerState.PENDING, timers.rows.get(ReminderTimer.KEY).state());
    }

    @Test
    void eachFiringLooksOnceAndMovesTheTimerOnByTheInterval() {
        ReminderTimer timer = new ReminderTimer(scheduler, timers, ActivitiesConfig.Fixed.of(24, 30));
        Instant before = Instant.now();
        timer.fire(new DueTimer(1, ReminderTimer.HANDLER, ReminderTimer.KEY, before, "", 1));
        assertEquals(List.of("look"), looks);
        Duration ahead = Duration.between(before, timers.rows.get(ReminderTimer.KEY).dueAt());
        assertTrue(ahead.compareTo(Duration.ofSeconds(30)) >= 0 && ahead.compareTo(Duration.ofSeconds(31)) < 0, ahead.toString());
    }

    private static TimerInfo info(Instant due, TimerState state) {
        return new TimerInfo(1, ReminderTimer.HANDLER, ReminderTimer.KEY, due, "", state, 0, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** The kernel's timers in a map, for the handler's own rules. */
    private static final class FakeTimers implements Timers {
        final Map<String, TimerInfo> rows = new HashMap<>();

        @Override
        public long schedule(String handler, String key, Instant dueAt, String payload) {
            rows.put(key, info(dueAt, TimerState.PENDING));
            return 1;
        }

        @Override
        public boolean cancel(String handler, String key) {
            return rows.remove(key) != null;
        }

        @Override
        public Optional<TimerInfo> find(String handler, String key) {
            return Optional.ofNullable(rows.get(key));
        }

        @Override
        public TimerCounts counts() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<TimerInfo> list(TimerState state, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TimerInfo retry(long id) {
            throw new UnsupportedOperationException();
        }
    }
}
