package org.tesseracrm.kernel.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aTokenMayBurstThenRefillsAtItsRate() {
        RateLimiter limiter = new RateLimiter(20, 100);
        long t = 1_000 * SECOND;
        for (int i = 0; i < 100; i++) {
            assertEquals(0, limiter.acquire(7, t), "call " + i + " of the burst");
        }
        long wait = limiter.acquire(7, t);
        assertEquals(SECOND / 20, wait, "the 101st waits for one refill: 50 ms");
        assertEquals(1, RateLimiter.retryAfterSeconds(wait));
        assertTrue(limiter.acquire(7, t + SECOND / 40) > 0, "half refilled is not enough");
        assertEquals(0, limiter.acquire(7, t + SECOND / 20));
        // a second later: 20 more calls, not 21
        for (int i = 0; i < 20; i++) {
            assertEquals(0, limiter.acquire(7, t + SECOND / 20 + SECOND), "refilled call " + i);
        }
        assertTrue(limiter.acquire(7, t + SECOND / 20 + SECOND) > 0);
    }

    @Test
    void eachTokenHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(1, 2);
        assertEquals(0, limiter.acquire(1, 0));
        assertEquals(0, limiter.acquire(1, 0));
        assertEquals(SECOND, limiter.acquire(1, 0));
        assertEquals(0, limiter.acquire(2, 0), "another token is not slowed down");
    }

    @Test
    void aBucketNeverHoldsMoreThanTheBurst() {
        RateLimiter limiter = new RateLimiter(10, 3);
        limiter.acquire(1, 0);
        long muchLater = 3_600 * SECOND;
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire(1, muchLater));
        }
        assertTrue(limiter.acquire(1, muchLater) > 0);
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        assertEquals(1, RateLimiter.retryAfterSeconds(1));
        assertEquals(1, RateLimiter.retryAfterSeconds(SECOND));
        assertEquals(2, RateLimiter.retryAfterSeconds(SECOND + 1));
    }

    @Test
    void zeroTurnsTheLimitOff() {
        RateLimiter limiter = new RateLimiter(0, 1);
        for (int i = 0; i < 1_000; i++) {
            assertEquals(0, limiter.acquire(1, 0));
        }
        assertEquals(0, limiter.size());
    }

    @Test
    void idleFullBucketsAreDroppedWhenThereAreMany() {
        RateLimiter limiter = new RateLimiter(1_000, 1);
        for (long key = 0; key <= RateLimiter.PRUNE_ABOVE; key++) {
            limiter.acquire(key, 0);
        }
        limiter.acquire(-1, 10 * SECOND);
        assertTrue(limiter.size() <= 1, "only the bucket just used is left: " + limiter.size());
    }
}
