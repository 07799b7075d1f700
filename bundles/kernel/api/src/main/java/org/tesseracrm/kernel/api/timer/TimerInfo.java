package org.tesseracrm.kernel.api.timer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One timer as an administrator sees it.
 *
 * @param id its id, for {@link Timers#retry}
 * @param handler the handler name
 * @param key its key, unique per handler
 * @param dueAt when it is due next (for a retried timer: its next attempt)
 * @param payload its text
 * @param state pending, running or failed
 * @param attempts how many times it has been started so far
 * @param lastError the message of the last failure, if any
 * @param claimedBy the node that runs or last ran it, if any
 * @param claimedAt when that node claimed it, if ever
 */
public record TimerInfo(long id, String handler, String key, Instant dueAt, String payload, TimerState state,
        int attempts, Optional<String> lastError, Optional<String> claimedBy, Optional<Instant> claimedAt) {
    /** Checks the values. */
    public TimerInfo {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(claimedBy, "claimedBy");
        Objects.requireNonNull(claimedAt, "claimedAt");
    }
}
