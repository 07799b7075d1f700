package org.tesseracrm.kernel.api.module;

import java.util.Objects;

/**
 * The state of one part of the installation, as a {@link HealthIndicator} reports it.
 *
 * @param state UP, DEGRADED, STARTING or DOWN
 * @param detail what is wrong or still pending, in words an administrator can act on; empty when UP
 */
public record HealthStatus(State state, String detail) {
    /** The states, from best to worst. */
    public enum State {
        /** Working. */
        UP,
        /**
         * Working, with some contribution of a module switched off because it failed (say, a broken
         * form panel); the detail names it. Since module 1.2: {@code /health} still answers 200.
         */
        DEGRADED,
        /** Not ready yet, expected to become UP by itself. */
        STARTING,
        /** Not working until someone fixes the cause named in the detail. */
        DOWN
    }

    /** Checks the values. */
    public HealthStatus {
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
    }

    /** @return a status that says the part works */
    public static HealthStatus up() {
        return new HealthStatus(State.UP, "");
    }

    /**
     * @param detail what was switched off and why
     * @return a status that says the part works without some of its contributions
     * @since module 1.2
     */
    public static HealthStatus degraded(String detail) {
        return new HealthStatus(State.DEGRADED, detail);
    }

    /**
     * @param detail what is pending
     * @return a status that says the part is not ready yet
     */
    public static HealthStatus starting(String detail) {
        return new HealthStatus(State.STARTING, detail);
    }

    /**
     * @param detail what is wrong and where to look
     * @return a status that says the part does not work
     */
    public static HealthStatus down(String detail) {
        return new HealthStatus(State.DOWN, detail);
    }
}
