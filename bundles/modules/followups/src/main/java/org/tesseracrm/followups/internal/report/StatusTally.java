package org.tesseracrm.followups.internal.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.tesseracrm.followups.internal.service.Chain;
import org.tesseracrm.followups.internal.service.FollowUp;

/**
 * Counts follow-up chains per agent and branch by status (seed 004): a chain counts in the period when its newest
 * follow-up is due in it (both days included, in the reader's zone); its status is the list's colour now
 * ({@link Chain#status}): concluded when that follow-up was recorded as concluding (late or not), overdue when it is
 * open and past due (due earlier today included), in progress otherwise (open and not yet due, or recorded without
 * concluding). Independent of the reports API, so it is unit-tested without it.
 */
public final class StatusTally {
    /**
     * One agent's counts.
     *
     * @param agent the follow-up's responsible user (who planned it)
     * @param branch the agent's branch, "" without one
     * @param inProgress chains in progress
     * @param concluded chains concluded
     * @param overdue chains overdue
     */
    public record Row(String agent, String branch, long inProgress, long concluded, long overdue) {
    }

    private StatusTally() {
    }

    /**
     * @param newest the newest follow-up of each operation (already limited to what the caller sees)
     * @param branches the branch of each user
     * @param from the period's first day
     * @param to its last day, included
     * @param zone the reader's time zone
     * @param now the current time (UTC)
     * @return a row per agent with chains in the period, by agent name
     */
    public static List<Row> tally(List<FollowUp> newest, Map<String, String> branches, LocalDate from, LocalDate to,
            ZoneId zone, LocalDateTime now) {
        LocalDateTime start = LocalDateTime.ofInstant(from.atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
        LocalDateTime end = LocalDateTime.ofInstant(to.plusDays(1).atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
        Map<String, long[]> counts = new TreeMap<>();
        for (FollowUp f : newest) {
            if (f.dueAt().isBefore(start) || !f.dueAt().isBefore(end)) {
                continue;
            }
            long[] c = counts.computeIfAbsent(f.owner(), o -> new long[3]);
            Chain.status(Optional.of(f), now).ifPresent(s -> c[s.ordinal()]++);
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((agent, c) -> rows.add(new Row(agent, branches.getOrDefault(agent, ""),
                c[Chain.Status.IN_PROGRESS.ordinal()], c[Chain.Status.CONCLUDED.ordinal()],
                c[Chain.Status.OVERDUE.ordinal()])));
        return rows;
    }
}
