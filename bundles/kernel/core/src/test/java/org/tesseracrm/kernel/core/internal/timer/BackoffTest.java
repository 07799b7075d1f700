package org.tesseracrm.kernel.core.internal.timer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void eachRetryWaitsTwiceAsLongUpToAnHourAndTheLastAttemptGivesUp() {
        Backoff backoff = new Backoff(10, Duration.ofMinutes(10));
        assertEquals(Optional.of(AT.plus(Duration.ofMinutes(10))), backoff.next(1, AT));
        assertEquals(Optional.of(AT.plus(Duration.ofMinutes(20))), backoff.next(2, AT));
        assertEquals(Optional.of(AT.plus(Duration.ofMinutes(40))), backoff.next(3, AT));
        assertEquals(Optional.of(AT.plus(Duration.ofHours(1))), backoff.next(4, AT));
        assertEquals(Optional.of(AT.plus(Duration.ofHours(1))), backoff.next(9, AT));
        assertEquals(Optional.empty(), backoff.next(10, AT));
    }

    @Test
    void aFirstDelayLongerThanAnHourIsKeptAndOneAttemptNeverRetries() {
        assertEquals(Optional.of(AT.plus(Duration.ofHours(3))), new Backoff(3, Duration.ofHours(3)).next(2, AT));
        assertEquals(Optional.empty(), new Backoff(1, Duration.ofSeconds(1)).next(1, AT));
    }
}
