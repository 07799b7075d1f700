package org.tesseracrm.automation.internal.engine;

import java.util.Optional;
import java.util.function.Supplier;

import org.tesseracrm.kernel.api.automation.Rule;

/**
 * Loop protection: how deep a chain of rules runs, and where it stops. A user's change starts runs at depth 1; a
 * change an action makes to a record starts runs one deeper than the run of that action; a run deeper than
 * {@link #max()} does not happen, and the refusal says which rule, on which record and why, for the run log.
 *
 * <p>The engine runs a run's actions inside {@link #running}, which notes the run's depth on the thread; the record
 * changes the actions make reach the engine's record lifecycle on the same thread, inside the action, where
 * {@link #next()} reads it. So the accounting is exact for every record an action changes, whoever's code makes the
 * change, and needs no memory of writes. Safe for concurrent use (the depth is per thread).
 */
public final class ChainDepth {
    /** How many rules may start one another from a single change, when configuration says nothing else. */
    public static final int DEFAULT_MAX = 5;

    private final int max;
    private final ThreadLocal<Integer> running = new ThreadLocal<>();

    /** @param max the deepest run allowed, at least 1 */
    public ChainDepth(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("The chain depth limit must be at least 1, was " + max);
        }
        this.max = max;
    }

    /** @return the deepest run allowed */
    public int max() {
        return max;
    }

    /**
     * @return the depth of the runs a change made now on this thread starts: 1 outside a run's actions, one more than
     *     the run whose action makes the change inside one
     */
    public int next() {
        Integer depth = running.get();
        return depth == null ? 1 : depth + 1;
    }

    /**
     * Does a run's actions at its depth: changes they make on this thread start runs one deeper.
     *
     * @param depth the run's depth, at least 1
     * @param work the actions
     * @param <T> their result
     * @return the work's result
     */
    public <T> T running(int depth, Supplier<T> work) {
        Integer outer = running.get();
        running.set(depth);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                running.remove();
            } else {
                running.set(outer);
            }
        }
    }

    /**
     * @param rule the rule about to run
     * @param recordType the record's type
     * @param id the record's id
     * @param depth the depth of the run
     * @return why the run must not happen (for the run log and the log), or empty to run it
     */
    public Optional<String> refusal(Rule rule, String recordType, long id, int depth) {
        if (depth <= max) {
            return Optional.empty();
        }
        return Optional.of("Rule \"" + rule.name() + "\" (version " + rule.version() + ") stopped on " + recordType
                + " #" + id + ": it is run " + depth + " deep in a chain of rules started by one change, and at most "
                + max + " may start one another. Check the rules whose actions change records their own triggers "
                + "react to.");
    }
}
