package org.tesseracrm.email.internal.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a message that failed to send is tried again: {@code first}, then twice as long after each further failure,
 * never more than {@code max}, and not after {@code maxAttempts} attempts (the webhooks' schedule, counted in
 * attempts rather than a window).
 *
 * @param first the wait after the first failed attempt
 * @param max the longest wait
 * @param maxAttempts the attempts made before giving up
 */
record Backoff(Duration first, Duration max, int maxAttempts) {
    static Backoff of(OutboxConfig config) {
        return new Backoff(Duration.ofSeconds(Math.max(1, config.firstRetrySeconds())),
                Duration.ofSeconds(Math.max(1, config.maxRetrySeconds())), Math.max(1, config.maxAttempts()));
    }

    /**
     * @param failedAttempts how many attempts failed so far (at least 1)
     * @return the wait before the next attempt
     */
    Duration delay(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts, 1) - 1, 30);
        Duration delay = first.multipliedBy(1L << doublings);
        return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
    }

    /**
     * @param failedAttempts how many attempts failed so far, the last one included
     * @param now when the last one failed
     * @return when to try again, or empty: give up
     */
    Optional<Instant> next(int failedAttempts, Instant now) {
        return failedAttempts >= maxAttempts ? Optional.empty() : Optional.of(now.plus(delay(failedAttempts)));
    }
}
