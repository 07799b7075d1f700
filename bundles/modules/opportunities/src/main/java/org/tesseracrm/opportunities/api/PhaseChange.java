package org.tesseracrm.opportunities.api;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One entry of an opportunity's phase history: it entered {@code to} at {@code at}.
 *
 * @param from the phase it left; empty when the opportunity was created
 * @param to the phase it entered
 * @param by the user name of who moved it
 * @param at when, in UTC
 * @param spent how long it stayed in {@code to}: until the next entry, or until now for the current phase
 */
public record PhaseChange(String from, String to, String by, LocalDateTime at, Duration spent) {
    /** Checks the parts are present. */
    public PhaseChange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(spent, "spent");
    }
}
