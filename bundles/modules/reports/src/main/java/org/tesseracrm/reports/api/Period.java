package org.tesseracrm.reports.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A period a report is run for, on its {@link ReportSpec#periodField}: both days included, in the caller's time
 * zone.
 *
 * @param from the first day
 * @param to the last day, not before {@code from}
 */
public record Period(LocalDate from, LocalDate to) {
    /** Checks both days are there and in order. */
    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
    }
}
