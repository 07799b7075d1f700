package org.tesseracrm.webhooks.internal.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a failed delivery is tried again: {@code first}, then twice as long after each further failure, never more
 * than {@code max}, and never later than {@code window} after the first attempt.
 *
 * @param first the wait after the first failed attempt
 * @param max the longest wait
 * @param window how long after its first attempt a delivery is still retried
 */
record Backoff(Duration first, Duration max, Duration window) {
    static Backoff of(WebhooksConfig config) {
        return new Backoff(Duration.ofSeconds(Math.max(1, config.firstRetrySeconds())),
                Duration.ofSeconds(Math.max(1, config.maxRetrySeconds())), Duration.ofSeconds(Math.max(1, config.retryWindowSeconds())));
    }

    /**
     * @param failedAttempts how many attempts failed so far (at least 1)
     * @return the wait before the next attempt
     */
    Duration delay(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts, 1) - 1, 40);
        Duration delay = first.multipliedBy(1L << Math.min(doublings, 30));
        return delay.compareTo(max) > 0 || delay.isNegative() ? max : delay;
    }

    /**
     * @param firstAttempt when the delivery was first tried
     * @param failedAttempts how many attempts failed so far
     * @param now when the last one failed
     * @return when to try again, or empty: give up
     */
    Optional<Instant> next(Instant firstAttempt, int failedAttempts, Instant now) {
        Instant next = now.plus(delay(failedAttempts));
        return next.isAfter(firstAttempt.plus(window)) ? Optional.empty() : Optional.of(next);
    }
}
