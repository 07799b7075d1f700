package org.tesseracrm.campaigns.internal.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client address, in memory: each client may make {@code capacity} requests at once and
 * {@code perSecond} more each second. The map is bounded: when it holds {@code maxClients} clients, those whose
 * bucket is full again (idle) are dropped, and if that frees nothing every client starts afresh.
 */
public final class RateLimiter {
    private final double capacity;
    private final double perNano;
    private final int maxClients;
    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /**
     * @param capacity requests a client may make at once
     * @param perSecond requests added back each second
     * @param maxClients the most clients remembered
     * @param nanos the clock ({@code System::nanoTime}; a fixed one in tests)
     */
    public RateLimiter(int capacity, double perSecond, int maxClients, LongSupplier nanos) {
        this.capacity = capacity;
        this.perNano = perSecond / 1_000_000_000d;
        this.maxClients = maxClients;
        this.nanos = nanos;
    }

    /**
     * @param client the client's address
     * @return whether the request may go on (a token was taken)
     */
    public boolean allow(String client) {
        long now = nanos.getAsLong();
        if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
            buckets.entrySet().removeIf(e -> full(e.getValue(), now));
            if (buckets.size() >= maxClients) {
                buckets.clear();
            }
        }
        Bucket bucket = buckets.computeIfAbsent(client, k -> new Bucket(capacity, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return true;
            }
            return false;
        }
    }

    /** @return how many clients are remembered */
    public int clients() {
        return buckets.size();
    }

    private boolean full(Bucket bucket, long now) {
        synchronized (bucket) {
            refill(bucket, now);
            return bucket.tokens >= capacity;
        }
    }

    private void refill(Bucket bucket, long now) {
        long elapsed = Math.max(0, now - bucket.at);
        bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * perNano);
        bucket.at = now;
    }
}
