package org.tesseracrm.reports.internal.shell;

import java.time.LocalDate;
import java.util.Optional;

import org.tesseracrm.reports.api.Period;

/** The period options of the shell commands. */
final class Periods {
    private Periods() {
    }

    /**
     * @param from the first day or null
     * @param to the last day or null
     * @return the period; empty when neither is given
     * @throws java.time.format.DateTimeParseException for a day that does not parse
     */
    static Optional<Period> of(String from, String to) {
        if (from == null && to == null) {
            return Optional.empty();
        }
        return Optional.of(new Period(from == null ? LocalDate.of(1900, 1, 1) : LocalDate.parse(from),
                to == null ? LocalDate.of(9999, 12, 31) : LocalDate.parse(to)));
    }

    /**
     * @param ref a report id or key
     * @return the key: {@code report:<id>} for a number
     */
    static String key(String ref) {
        return ref.matches("[0-9]+") ? "report:" + ref : ref;
    }
}
