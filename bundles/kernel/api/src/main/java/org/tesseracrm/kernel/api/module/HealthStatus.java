package org.tesseracrm.kernel.api.module;

import java.util.Objects;

/**
 * The state of one part of the installation, as a {@link HealthIndicator} reports it.
 *
 * @param state UP, STARTING or DOWN
 * @param detail what is wrong or still pending, in words an administrator can act on; empty when UP
 */
public record HealthStatus(State state, String detail) {
    /** The states, from best to worst. */
    public enum State {
        /** Working. */
        UP,
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
