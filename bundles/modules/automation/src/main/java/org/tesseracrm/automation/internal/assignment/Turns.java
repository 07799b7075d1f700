package org.tesseracrm.automation.internal.assignment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Whose turn it is. Round-robin goes through the pool's users in user-name order, starting after the user who had
 * the last turn (kept in the database), so a user joining or leaving the pool does not restart the turns. Load
 * balancing takes the user with the fewest open records; among equals, the first in round-robin order, so that equal
 * loads take turns as well.
 */
final class Turns {
    private Turns() {
    }

    /**
     * @param users the pool's active users
     * @param last the user who had the last turn, or null
     * @return the user after {@code last} in user-name order (the first after the last); empty for an empty pool
     */
    static Optional<String> next(List<String> users, String last) {
        TreeSet<String> ordered = new TreeSet<>(users);
        if (ordered.isEmpty()) {
            return Optional.empty();
        }
        String after = last == null ? null : ordered.higher(last);
        return Optional.of(after != null ? after : ordered.first());
    }

    /**
     * @param users the pool's active users
     * @param open how many open records each owns (missing: none)
     * @param last the user who had the last turn, or null
     * @return the user with the fewest open records, ties broken in round-robin order after {@code last}
     */
    static Optional<String> fewest(List<String> users, Map<String, Long> open, String last) {
        TreeSet<String> ordered = new TreeSet<>(users);
        if (ordered.isEmpty()) {
            return Optional.empty();
        }
        long least = ordered.stream().mapToLong(u -> open.getOrDefault(u, 0L)).min().orElse(0);
        TreeSet<String> tied = new TreeSet<>();
        ordered.stream().filter(u -> open.getOrDefault(u, 0L) == least).forEach(tied::add);
        return next(List.copyOf(tied), last);
    }
}
