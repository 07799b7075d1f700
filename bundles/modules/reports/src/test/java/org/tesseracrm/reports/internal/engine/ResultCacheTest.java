package org.tesseracrm.reports.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.tesseracrm.reports.api.ReportResult;

/** Results kept per report, caller and period; dropped by record events of their type, by time and by size. */
class ResultCacheTest {
    private final AtomicInteger computed = new AtomicInteger();

    private ReportResult compute() {
        computed.incrementAndGet();
        return new ReportResult("R" + computed.get(), List.of(), List.of(), List.of(), Optional.empty(),
                Optional.empty());
    }

    private static ResultCache.Key key(String report, String user) {
        return new ResultCache.Key(report, user, Optional.empty(), "UTC|en_US");
    }

    @Test
    void keptPerCallerAndDroppedByEventsOfTheReportsType() {
        ResultCache cache = new ResultCache(Clock.systemUTC(), Duration.ofMinutes(1));
        ReportResult ann = cache.get(key("report:1", "ann"), "opportunity", this::compute);
        assertSame(ann, cache.get(key("report:1", "ann"), "opportunity", this::compute));
        cache.get(key("report:1", "bob"), "opportunity", this::compute);
        cache.get(key("report:2", "ann"), "contact", this::compute);
        cache.get(key("source:kpi", "ann"), ResultCache.ANY_TYPE, this::compute);
        assertEquals(4, computed.get(), "the same report for another user is computed again");
        cache.invalidate("opportunity");
        assertEquals(1, cache.size(), "opportunity results and contributed ones go; the contact report stays");
        cache.get(key("report:1", "ann"), "opportunity", this::compute);
        assertEquals(5, computed.get());
        cache.invalidateReport("report:2");
        assertEquals(1, cache.size());
    }

    @Test
    void aResultComputedDuringAChangeIsNotKept() {
        ResultCache cache = new ResultCache(Clock.systemUTC(), Duration.ofMinutes(1));
        cache.get(key("report:1", "ann"), "contact", () -> {
            cache.invalidate("contact"); // a record changed while the figures were read
            return compute();
        });
        assertEquals(0, cache.size());
    }

    @Test
    void boundedInTimeAndSize() {
        Instant[] now = {Instant.parse("2026-12-06T08:00:00Z")};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        ResultCache cache = new ResultCache(clock, Duration.ofSeconds(60));
        cache.get(key("report:1", "ann"), "contact", this::compute);
        now[0] = now[0].plusSeconds(61);
        cache.get(key("report:1", "ann"), "contact", this::compute);
        assertEquals(2, computed.get(), "expired");
        for (int i = 0; i < ResultCache.MAX_ENTRIES + 20; i++) {
            cache.get(key("report:" + i, "bob"), "contact", this::compute);
        }
        assertEquals(ResultCache.MAX_ENTRIES, cache.size());
    }
}
