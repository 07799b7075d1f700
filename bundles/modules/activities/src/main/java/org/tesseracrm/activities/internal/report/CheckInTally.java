package org.tesseracrm.activities.internal.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.tesseracrm.activities.internal.service.CheckIn;

/**
 * Counts check-ins per user (seed 000): visits in person and video check-ins joined, which count as check-ins; only
 * those on records the reader sees. Independent of the reports API, so it is unit-tested without it.
 */
public final class CheckInTally {
    /**
     * Check-ins of one user of one kind on one record.
     *
     * @param username who checked in
     * @param kind {@link CheckIn#PHYSICAL} or {@link CheckIn#VIDEO}
     * @param recordType the visited record's type
     * @param recordId the visited record
     * @param count how many
     */
    public record Cell(String username, String kind, String recordType, long recordId, long count) {
    }

    /**
     * One user's check-ins.
     *
     * @param username the user
     * @param physical visits in person
     * @param video video check-ins joined
     */
    public record Row(String username, long physical, long video) {
        /** @return all check-ins */
        public long total() {
            return physical + video;
        }
    }

    private CheckInTally() {
    }

    /**
     * @param cells check-in counts per user, kind and record
     * @param visible the ids of the records the reader sees, per record type
     * @return a row per user with check-ins on visible records, by user name
     */
    public static List<Row> tally(List<Cell> cells, Map<String, Set<Long>> visible) {
        Map<String, long[]> counts = new TreeMap<>();
        for (Cell cell : cells) {
            if (!visible.getOrDefault(cell.recordType(), Set.of()).contains(cell.recordId())) {
                continue;
            }
            long[] c = counts.computeIfAbsent(cell.username(), u -> new long[2]);
            c[CheckIn.VIDEO.equals(cell.kind()) ? 1 : 0] += cell.count();
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((user, c) -> rows.add(new Row(user, c[0], c[1])));
        return rows;
    }
}
