package org.tesseracrm.reports.internal.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.ReportResult;

/**
 * Report results kept a short time per (report, caller, period, zone and locale), so a dashboard refreshed or opened
 * by several tabs does not compute the same figures again. Bounded: at most {@link #MAX_ENTRIES} results (least
 * recently used go first), each for at most the time to live. An entry goes as soon as a record of the report's type
 * changes (the service's record event handler calls {@link #invalidate}), or any record for contributed reports,
 * whose types are unknown; saving or deleting a report drops its entries. A result computed while an invalidation
 * happened is not kept (a generation counter), so a stale figure is never cached after the change it misses.
 */
public final class ResultCache {
    /** The most results kept. */
    public static final int MAX_ENTRIES = 500;
    /** Record type of entries any record change drops (contributed reports). */
    public static final String ANY_TYPE = "*";

    /**
     * @param reportKey {@code report:<id>} or {@code source:<id>}
     * @param username the caller
     * @param period the period asked for
     * @param regional the caller's zone and locale, as text (labels depend on them)
     */
    public record Key(String reportKey, String username, Optional<Period> period, String regional) {
    }

    private record Entry(String recordType, ReportResult result, Instant expires) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long generation;

    /**
     * @param clock the time
     * @param ttl how long a result is kept at most
     */
    public ResultCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    /**
     * @param key what is asked
     * @param recordType the record type whose changes drop the result ({@link #ANY_TYPE} for any)
     * @param compute computes the result when none is kept
     * @return the kept or computed result
     */
    public ReportResult get(Key key, String recordType, Supplier<ReportResult> compute) {
        long seen;
        synchronized (this) {
            Entry entry = entries.get(key);
            if (entry != null && entry.expires().isAfter(clock.instant())) {
                return entry.result();
            }
            if (entry != null) {
                entries.remove(key);
            }
            seen = generation;
        }
        ReportResult result = compute.get();
        synchronized (this) {
            if (seen == generation) {
                entries.put(key, new Entry(recordType, result, clock.instant().plus(ttl)));
                Iterator<Key> oldest = entries.keySet().iterator();
                while (entries.size() > MAX_ENTRIES && oldest.hasNext()) {
                    oldest.next();
                    oldest.remove();
                }
            }
        }
        return result;
    }

    /**
     * Drops the results over a record type and those of contributed reports.
     *
     * @param recordType the type of a changed record
     */
    public synchronized void invalidate(String recordType) {
        generation++;
        entries.values().removeIf(e -> e.recordType().equals(recordType) || ANY_TYPE.equals(e.recordType()));
    }

    /**
     * Drops every result of one report (it was saved or deleted).
     *
     * @param reportKey its key
     */
    public synchronized void invalidateReport(String reportKey) {
        generation++;
        entries.keySet().removeIf(k -> k.reportKey().equals(reportKey));
    }

    /** @return the number of results kept */
    public synchronized int size() {
        return entries.size();
    }
}
