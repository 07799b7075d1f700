package org.tesseracrm.webhooks.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(24));

    @Test
    void doublesTheWaitFromOneMinuteUpToOneHour() {
        List<Long> minutes = new ArrayList<>();
        for (int failed = 1; failed <= 9; failed++) {
            minutes.add(backoff.delay(failed).toMinutes());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L), minutes);
        assertEquals(Duration.ofHours(1), backoff.delay(10_000), "no overflow on many failures");
    }

    @Test
    void retriesFor24HoursAfterTheFirstAttemptThenGivesUp() {
        Instant first = Instant.parse("2026-12-05T00:00:00Z");
        Instant now = first;
        int failed = 0;
        Optional<Instant> next;
        do {
            failed++;
            next = backoff.next(first, failed, now);
            if (next.isPresent()) {
                assertTrue(!next.get().isAfter(first.plus(Duration.ofHours(24))));
                now = next.get();
            }
        } while (next.isPresent());
        // 1+2+4+8+16+32 = 63 min, then hourly: the last attempt is within the 24 h, the next would be after them
        assertTrue(now.isAfter(first.plus(Duration.ofHours(23))), now.toString());
        assertEquals(29, failed, "6 doubling waits, 22 hourly ones, then the failure that gives up");
    }

    @Test
    void aShortConfiguredScheduleRetriesWithinSeconds() {
        Backoff quick = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30));
        Instant first = Instant.EPOCH;
        assertEquals(Optional.of(first.plusSeconds(1)), quick.next(first, 1, first));
        assertEquals(Duration.ofSeconds(2), quick.delay(5));
        assertEquals(Optional.empty(), quick.next(first, 9, first.plusSeconds(29)));
    }
}
