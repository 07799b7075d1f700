package org.tesseracrm.kernel.core.internal.timer;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed timer runs again: the first retry after the configured delay, each further one after
 * twice the delay before it, never more than an hour apart (unless the first delay is longer); after
 * the last attempt, never.
 *
 * @param maxAttempts how many times a timer is started at most
 * @param firstDelay the delay before the first retry
 */
record Backoff(int maxAttempts, Duration firstDelay) {
    static final Duration LONGEST = Duration.ofHours(1);

    /**
     * @param attempt the attempt that just failed, 1 for the first run
     * @param failedAt when it failed
     * @return when to try again, or empty to give up
     */
    Optional<Instant> next(int attempt, Instant failedAt) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        Duration cap = firstDelay.compareTo(LONGEST) > 0 ? firstDelay : LONGEST;
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(cap) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(failedAt.plus(delay.compareTo(cap) > 0 ? cap : delay));
    }
}
