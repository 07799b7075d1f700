package org.tesseracrm.cases.api;

import java.util.Locale;
import java.util.Optional;

/** What a case status means to the module's rules and the SLA clock; every status value has one. */
public enum StatusKind {
    /** Being worked on: the SLA clock runs. */
    OPEN,
    /** Waiting on someone else (the customer): the SLA clock pauses. */
    WAITING,
    /** Solved: a solution text is required to move here. */
    SOLVED,
    /** Closed: done. */
    CLOSED;

    /** @return true for {@link #SOLVED} and {@link #CLOSED}: the case is done */
    public boolean done() {
        return this == SOLVED || this == CLOSED;
    }

    /** @return the kind's name in lower case, as stored, e.g. {@code open} */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param code a kind's code or name in any case, e.g. {@code solved}
     * @return the kind, or empty when the text names none
     */
    public static Optional<StatusKind> parse(String code) {
        for (StatusKind k : values()) {
            if (k.name().equalsIgnoreCase(code.trim())) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
