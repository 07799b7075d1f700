package org.tesseracrm.opportunities.api;

import java.util.Objects;

/**
 * A phase of the sales pipeline, as the admin defined it.
 *
 * @param id the phase's id
 * @param name its name, which opportunities hold in their {@code phase} field; unique, at most 100 characters
 * @param position its place in the admin's order, from 0
 * @param probability the win probability in percent, 0 to 100
 * @param kind open, won or lost
 * @param active false for a phase no longer offered; opportunities in it keep it
 */
public record Phase(long id, String name, int position, int probability, PhaseKind kind, boolean active) {
    /** Checks the parts are present. */
    public Phase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
