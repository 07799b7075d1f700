package org.tesseracrm.kernel.api.timer;

import java.time.Instant;
import java.util.Objects;

/**
 * A timer handed to its {@link TimerHandler}.
 *
 * @param id the timer's id
 * @param handler the handler name it was scheduled under
 * @param key the key it was scheduled with, unique per handler (e.g. an activity id)
 * @param dueAt when it was due (it may run later: after a restart, a retry, or when its handler came back)
 * @param payload the text it was scheduled with, "" if none
 * @param attempt 1 on the first run, 2 on the first retry, and so on
 */
public record DueTimer(long id, String handler, String key, Instant dueAt, String payload, int attempt) {
    /** Checks the values. */
    public DueTimer {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(payload, "payload");
    }
}
