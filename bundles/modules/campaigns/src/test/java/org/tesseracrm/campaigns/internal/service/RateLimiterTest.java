package org.tesseracrm.campaigns.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void aBurstThenTheRatePerClient() {
        RateLimiter limiter = new RateLimiter(3, 2, 100, now::get);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.allow("10.0.0.1"));
        }
        assertFalse(limiter.allow("10.0.0.1"));
        assertTrue(limiter.allow("10.0.0.2"), "another client has its own bucket");
        now.addAndGet(500_000_000L); // half a second: one token back
        assertTrue(limiter.allow("10.0.0.1"));
        assertFalse(limiter.allow("10.0.0.1"));
        now.addAndGet(60_000_000_000L); // a minute: full again, never more than the burst
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.allow("10.0.0.1"));
        }
        assertFalse(limiter.allow("10.0.0.1"));
    }

    @Test
    void theMapOfClientsIsBounded() {
        RateLimiter limiter = new RateLimiter(2, 1, 10, now::get);
        for (int i = 0; i < 1000; i++) {
            limiter.allow("client-" + i);
            assertTrue(limiter.clients() <= 10, "clients " + limiter.clients());
        }
        // a busy client is kept while idle ones are dropped
        RateLimiter kept = new RateLimiter(2, 1, 3, now::get);
        kept.allow("busy");
        kept.allow("busy");
        now.addAndGet(10_000_000_000L);
        kept.allow("busy");
        kept.allow("busy");
        kept.allow("a");
        kept.allow("b");
        now.addAndGet(10_000_000_000L);
        kept.allow("busy");
        kept.allow("busy");
        assertFalse(kept.allow("busy"));
        kept.allow("c"); // full map: a and b are idle (full buckets) and go; busy stays empty
        assertFalse(kept.allow("busy"));
        assertEquals(2, kept.clients());
    }
}
