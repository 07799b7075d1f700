package org.tesseracrm.automation.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.tesseracrm.kernel.api.automation.Rule;

/**
 * Loop protection: how deep a chain of rules runs, and where it stops. A user's change starts runs at depth 1;
 * a change an action makes to a record raises a record event that starts runs one deeper; a run deeper than
 * {@link #max()} does not happen, and the refusal says which rule, on which record and why, for the run log.
 *
 * <p>Record events carry who made the change but not which run made it, so the engine notes each record its
 * actions write ({@link #wrote}) with the run's depth; an event on that record by the engine's own actor within
 * {@link #memory()} continues the chain ({@link #depthOf}), any other starts a new one. Safe for concurrent use.
 */
final class ChainDepth {
    /** How many rules may start one another from a single change, when configuration says nothing else. */
    static final int DEFAULT_MAX = 5;

    private final int max;
    private final Duration memory;
    private final String actor;
    private final Map<String, Write> writes = new ConcurrentHashMap<>();

    private record Write(int depth, Instant at) {
    }

    /**
     * @param max the deepest run allowed, at least 1
     * @param memory how long a write is remembered (events follow their commit within moments)
     * @param actor the user name the engine's actions change records as
     */
    ChainDepth(int max, Duration memory, String actor) {
        if (max < 1) {
            throw new IllegalArgumentException("The chain depth limit must be at least 1, was " + max);
        }
        this.max = max;
        this.memory = memory;
        this.actor = actor;
    }

    /** @return the deepest run allowed */
    int max() {
        return max;
    }

    /** @return how long a write is remembered */
    Duration memory() {
        return memory;
    }

    /**
     * Notes that an action of a run at {@code depth} wrote a record.
     *
     * @param recordType the record's type
     * @param id the record's id
     * @param depth the depth of the run that wrote it
     * @param at when
     */
    void wrote(String recordType, long id, int depth, Instant at) {
        writes.merge(key(recordType, id), new Write(depth, at),
                (old, now) -> now.depth() >= old.depth() ? now : new Write(old.depth(), now.at()));
    }

    /**
     * @param recordType the type of the record an event is about
     * @param id its id
     * @param changedBy the event's actor
     * @param at when the event happened
     * @return the depth of the runs the event starts: one more than the remembered write of the engine's own
     *     change, otherwise 1
     */
    int depthOf(String recordType, long id, String changedBy, Instant at) {
        if (!actor.equals(changedBy)) {
            return 1;
        }
        Write write = writes.get(key(recordType, id));
        if (write == null || write.at().plus(memory).isBefore(at)) {
            return 1;
        }
        return write.depth() + 1;
    }

    /**
     * @param rule the rule about to run
     * @param recordType the record's type
     * @param id the record's id
     * @param depth the depth of the run
     * @return why the run must not happen (for the run log and the log), or empty to run it
     */
    Optional<String> refusal(Rule rule, String recordType, long id, int depth) {
        if (depth <= max) {
            return Optional.empty();
        }
        return Optional.of("Rule \"" + rule.name() + "\" (version " + rule.version() + ") stopped on " + recordType
                + " #" + id + ": it is run " + depth + " deep in a chain of rules started by one change, and at most "
                + max + " may start one another. Check the rules whose actions change records their own triggers "
                + "react to.");
    }

    /**
     * Forgets writes older than {@link #memory()}.
     *
     * @param now the current time
     * @return how many writes are still remembered
     */
    int forgetOld(Instant now) {
        writes.values().removeIf(write -> write.at().plus(memory).isBefore(now));
        return writes.size();
    }

    private static String key(String recordType, long id) {
        return recordType + "#" + id;
    }
}
