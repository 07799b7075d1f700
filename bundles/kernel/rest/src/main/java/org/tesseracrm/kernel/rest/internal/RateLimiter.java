package org.tesseracrm.kernel.rest.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per API token, in memory: each token may make {@code burst} calls at once and then
 * {@code perSecond} calls a second on average. Per node: behind a load balancer each node counts on its own.
 * <p>
 * Hand-written rather than a library's (Bucket4j, Guava's RateLimiter): it is one small class, and a library would
 * be a further bundle in the API's feature for it.
 */
final class RateLimiter {
    /** Beyond this many buckets, those that have refilled completely (idle tokens) are dropped. */
    static final int PRUNE_ABOVE = 10_000;

    private final double perSecond;
    private final double burst;
    private final Map<Long, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param perSecond the average calls a second; 0 or less: no limit
     * @param burst the calls a token may make at once (at least 1)
     */
    RateLimiter(double perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, burst);
    }

    /**
     * Takes one call from a token's bucket.
     *
     * @param key the API token's id
     * @param nowNanos {@link System#nanoTime()}
     * @return 0 if the call may go ahead, else how many nanoseconds until it could
     */
    long acquire(long key, long nowNanos) {
        if (perSecond <= 0) {
            return 0;
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, nowNanos));
        long wait;
        synchronized (bucket) {
            wait = bucket.take(nowNanos);
        }
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(b -> b.fullAt(nowNanos));
        }
        return wait;
    }

    /** @return the number of buckets held */
    int size() {
        return buckets.size();
    }

    /** @return the whole seconds a client should wait ({@code Retry-After}), at least 1 */
    static long retryAfterSeconds(long waitNanos) {
        return Math.max(1, (waitNanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    private final class Bucket {
        private double available;
        private long last;

        Bucket(double available, long now) {
            this.available = available;
            this.last = now;
        }

        long take(long now) {
            available = Math.min(burst, available + Math.max(0, now - last) * perSecond / 1e9);
            last = now;
            if (available >= 1) {
                available -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - available) / perSecond * 1e9);
        }

        synchronized boolean fullAt(long now) {
            return available + Math.max(0, now - last) * perSecond / 1e9 >= burst;
        }
    }
}
