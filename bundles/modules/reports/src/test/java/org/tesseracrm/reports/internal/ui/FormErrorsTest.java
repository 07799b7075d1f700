package org.tesseracrm.reports.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.reports.api.Period;

class FormErrorsTest {
    @Test
    void showsEachErrorAtItsTargetJoinedAndHandsBackTheRest() {
        FormErrors errors = new FormErrors();
        List<String> measures = new ArrayList<>();
        List<String> name = new ArrayList<>();
        errors.target("spec.measures", measures::add, measures::clear);
        errors.target("name", name::add, name::clear);

        List<String> other = errors.show(new ValidationException(List.of(
                new FieldError("spec.measures[1]", "Choose the field to sum."),
                new FieldError("spec.measures", "Choose 1 to 10 figures."),
                new FieldError("keys", "A row of this report has 2 group values"))));

        assertEquals(List.of("Choose the field to sum. Choose 1 to 10 figures."), measures);
        assertEquals(List.of(), name);
        assertEquals(List.of("A row of this report has 2 group values"), other);

        errors.clear();
        assertEquals(List.of(), measures);
    }

    @Test
    void keysDropAnIndex() {
        assertEquals("spec.groups", FormErrors.key("spec.groups[0]"));
        assertEquals("spec.groups", FormErrors.key("spec.groups.1"));
        assertEquals("name", FormErrors.key("name"));
    }

    @Test
    void aPeriodNeedsBothDaysInOrder() {
        LocalDate first = LocalDate.of(2026, 1, 1);
        LocalDate last = LocalDate.of(2026, 3, 31);
        assertEquals(Optional.empty(), PeriodFields.of(null, null));
        assertEquals(Optional.of(new Period(first, last)), PeriodFields.of(first, last));
        assertEquals("period", assertPeriodRefused(first, null));
        assertEquals("period", assertPeriodRefused(last, first));
    }

    private static String assertPeriodRefused(LocalDate first, LocalDate last) {
        ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                () -> PeriodFields.of(first, last));
        return e.errors().get(0).field();
    }
}
