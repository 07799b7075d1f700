package org.tesseracrm.activities.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scheduler's rules, with the database read replaced: who hears of a reminder, and when. */
class ReminderSchedulerTest {
    private final List<LocalDateTime[]> windows = new ArrayList<>();
    private final List<Activity> stored = new ArrayList<>();
    private boolean failing;
    private final ReminderScheduler scheduler = new ReminderScheduler(null, null, null, null) {
        @Override
        public List<Activity> dueBetween(LocalDateTime after, LocalDateTime until) throws SQLException {
            windows.add(new LocalDateTime[] {after, until});
            if (failing) {
                throw new SQLException("database away");
            }
            return stored.stream().filter(a -> a.remindAt().get().isAfter(after) && !a.remindAt().get().isAfter(until)).toList();
        }
    };

    @AfterEach
    void stop() {
        scheduler.stop();
    }

    @Test
    void eachReminderGoesOnceToEverySessionOfItsOwnerOnly() {
        List<String> ada = new CopyOnWriteArrayList<>();
        List<String> adaSecondTab = new CopyOnWriteArrayList<>();
        List<String> bob = new CopyOnWriteArrayList<>();
        scheduler.listen("ada", a -> ada.add(a.subject()));
        scheduler.listen("ada", a -> adaSecondTab.add(a.subject()));
        Runnable bobStops = scheduler.listen("bob", a -> bob.add(a.subject()));
        stored.add(reminder("Call Grace", "ada", later()));
        scheduler.look();
        scheduler.look();
        assertEquals(List.of("Call Grace"), ada, "once, not again on the next look");
        assertEquals(List.of("Call Grace"), adaSecondTab);
        assertEquals(List.of(), bob);
        bobStops.run();
        assertEquals(2, scheduler.listenerCount());
    }

    @Test
    void aFailedReadIsRetriedOverTheSameWindowAndAFailingListenerStopsNoOther() {
        List<String> heard = new CopyOnWriteArrayList<>();
        scheduler.listen("ada", a -> {
            throw new IllegalStateException("session gone");
        });
        scheduler.listen("ada", a -> heard.add(a.subject()));
        failing = true;
        scheduler.look();
        LocalDateTime firstStart = windows.get(0)[0];
        stored.add(reminder("Send offer", "ada", later()));
        failing = false;
        scheduler.look();
        assertEquals(firstStart, windows.get(1)[0], "the window starts where the failed look started");
        assertEquals(List.of("Send offer"), heard);
        assertTrue(windows.get(1)[1].isAfter(windows.get(1)[0]));
    }

    /** @return a time after the scheduler's last look and before its next one */
    private static LocalDateTime later() {
        pause();
        LocalDateTime at = ActivityService.utcNow();
        pause();
        return at;
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Activity reminder(String subject, String owner, LocalDateTime remindAt) {
        return new Activity(1, 0, Kind.TASK, subject, remindAt.plusHours(1), Optional.empty(), "", "medium",
                Optional.of(remindAt), "", "", "", false, "contact", 7, "Grace Hopper", owner);
    }
}
