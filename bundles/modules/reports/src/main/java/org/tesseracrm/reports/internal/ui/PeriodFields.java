package org.tesseracrm.reports.internal.ui;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.datepicker.DatePicker;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.reports.api.Period;

/**
 * The first and last day a report runs for ({@code report-period-from}, {@code report-period-to}): both or neither.
 */
final class PeriodFields {
    /** What a half-chosen period is told. */
    static final String HALF = "Choose the first and the last day of the period, the last not before the first";

    final DatePicker from;
    final DatePicker to;

    /**
     * @param fromLabel the first day's label
     * @param toLabel the last day's label
     */
    PeriodFields(String fromLabel, String toLabel) {
        from = new DatePicker(fromLabel);
        to = new DatePicker(toLabel);
        from.setId("report-period-from");
        to.setId("report-period-to");
        from.setClearButtonVisible(true);
        to.setClearButtonVisible(true);
    }

    /**
     * @return the period chosen; empty when neither day is
     * @throws ValidationException (field {@code period}) when only one day is chosen, or the last before the first
     */
    Optional<Period> period() {
        return of(from.getValue(), to.getValue());
    }

    /** @return the period chosen; empty when neither day is or it is half chosen (for a download) */
    Optional<Period> quiet() {
        try {
            return period();
        } catch (ValidationException e) {
            return Optional.empty();
        }
    }

    /**
     * @param first the first day, or null
     * @param last the last day, or null
     * @return the period; empty when neither is given
     * @throws ValidationException (field {@code period}) when only one is given, or the last is before the first
     */
    static Optional<Period> of(LocalDate first, LocalDate last) {
        if (first == null && last == null) {
            return Optional.empty();
        }
        if (first == null || last == null || last.isBefore(first)) {
            throw new ValidationException(List.of(new FieldError("period", HALF)));
        }
        return Optional.of(new Period(first, last));
    }
}
