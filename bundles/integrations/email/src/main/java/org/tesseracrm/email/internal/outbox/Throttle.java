package org.tesseracrm.email.internal.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The per-account send limit: at most {@code perMinute} messages in a minute that starts with the first message sent
 * after the previous minute ended.
 */
final class Throttle {
    /** The window the limit counts in. */
    static final Duration WINDOW = Duration.ofMinutes(1);

    /**
     * What to do with the next message.
     *
     * @param send whether to send it now
     * @param windowStart the window it counts in (when sent)
     * @param sent the messages sent in that window, it included (when sent)
     * @param retryAt when to try again (when not sent)
     */
    record Decision(boolean send, Instant windowStart, int sent, Instant retryAt) {
    }

    private Throttle() {
    }

    /**
     * @param windowStart the start of the account's current window, if any
     * @param sent the messages sent in it
     * @param perMinute the account's limit
     * @param now now
     * @return send now (counted in the window returned) or wait until the window ends
     */
    static Decision decide(Optional<Instant> windowStart, int sent, int perMinute, Instant now) {
        if (windowStart.isEmpty() || !now.isBefore(windowStart.get().plus(WINDOW)) || now.isBefore(windowStart.get())) {
            return new Decision(true, now, 1, null);
        }
        if (sent < Math.max(1, perMinute)) {
            return new Decision(true, windowStart.get(), sent + 1, null);
        }
        return new Decision(false, windowStart.get(), sent, windowStart.get().plus(WINDOW));
    }
}
