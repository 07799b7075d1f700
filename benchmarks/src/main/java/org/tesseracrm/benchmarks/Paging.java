package org.tesseracrm.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.tesseracrm.benchmarks.ListBenchmark.Timing;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordSlice;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.record.SortOrder;

/**
 * A page of 50 at the top, the middle and the end of the loaded contacts, read by offset ({@code Records.page})
 * and by cursor ({@code Records.slice}, keyset), in the default order, by the custom Score descending, and for a
 * manager who sees 10 of the 50 owners. The cursors are taken from one walk of the whole list, 1,000 rows a slice,
 * whose time is reported too. Deep offsets are slow by nature, so they are timed fewer times.
 */
final class Paging {
    private static final String CONTACT = "contact";
    private static final int PAGE = 50;
    private static final int WALK_SLICE = 1000;
    private static final int OFFSET_RUNS = 7;

    private Paging() {
    }

    /** @return the Markdown table of the timings, also printed as they come */
    static String times(String db, Platform admin, Platform manager, int rows, int runs) {
        StringBuilder table = new StringBuilder("| Page of 50 | offset: median ms | min | max | cursor: median ms | min | max"
                + " |\n|---|---:|---:|---:|---:|---:|---:|\n");
        List<String> walks = new ArrayList<>();
        RecordQuery byName = RecordQuery.page(0, PAGE);
        RecordQuery byScore = byName.withSort(List.of(new SortOrder("cf_score", false)));
        compare(table, walks, db, "default order (last name, first name, id)", admin.records(), byName, rows, runs);
        compare(table, walks, db, "custom Score descending", admin.records(), byScore, rows, runs);
        int seen = (int) manager.records().count(CONTACT, byName, rows);
        compare(table, walks, db, "default order, 10 of 50 owners visible", manager.records(), byName, seen, runs);
        table.append('\n');
        walks.forEach(walk -> table.append("- ").append(walk).append('\n'));
        return table.append('\n').toString();
    }

    private static void compare(StringBuilder table, List<String> walks, String db, String order, Records records,
            RecordQuery query, int total, int runs) {
        List<Integer> positions = List.of(0, total / 2, total - PAGE);
        long start = System.nanoTime();
        Map<Integer, Optional<String>> cursors = cursorsAt(records, query, positions);
        double seconds = (System.nanoTime() - start) / 1e9;
        walks.add(String.format("%s: walking all %,d rows by cursor, %,d a slice, took %.1f s (%,.0f rows/s)", order,
                total, WALK_SLICE, seconds, total / seconds));
        for (int position : positions) {
            String name = String.format("%s, rows %,d to %,d", order, position + 1, position + PAGE);
            Timing offset = ListBenchmark.time(Math.min(runs, OFFSET_RUNS), 1,
                    () -> records.page(CONTACT, query.withPage(position, PAGE)).size());
            Timing cursor = ListBenchmark.time(runs, () -> records.slice(CONTACT, query, cursors.get(position))
                    .rows().size());
            if (offset.rows() != cursor.rows()) {
                throw new IllegalStateException(name + ": offset read " + offset.rows() + " rows, cursor " + cursor.rows());
            }
            table.append(String.format("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f |%n", name, offset.median(),
                    offset.min(), offset.max(), cursor.median(), cursor.min(), cursor.max()));
            System.out.printf("%s: %s -> offset %.1f ms, cursor %.1f ms%n", db, name, offset.median(), cursor.median());
        }
    }

    /**
     * Walks the whole list by cursor.
     *
     * @param positions row numbers from 0
     * @return the cursor that reads from each position on (empty for position 0)
     */
    private static Map<Integer, Optional<String>> cursorsAt(Records records, RecordQuery query, List<Integer> positions) {
        Map<Integer, Optional<String>> cursors = new TreeMap<>();
        int read = 0;
        Optional<String> cursor = Optional.empty();
        do {
            if (positions.contains(read)) {
                cursors.put(read, cursor);
            }
            int at = read;
            long nextStop = positions.stream().filter(p -> p > at).mapToLong(p -> p).min().orElse(Long.MAX_VALUE);
            int size = (int) Math.min(WALK_SLICE, nextStop - read);
            RecordSlice slice = records.slice(CONTACT, query.withPage(0, size), cursor);
            read += slice.rows().size();
            cursor = slice.next();
        } while (cursor.isPresent());
        return cursors;
    }
}
