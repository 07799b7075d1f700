package com.example.loyalty.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

class PointsRulesTest {

    @Test
    void pointsMustBeOneToTheMaximumAndTheReasonShort() {
        PointsRules.check(1, null);
        PointsRules.check(10_000, "x".repeat(200));
        ValidationException both = assertThrows(ValidationException.class, () -> PointsRules.check(0, "x".repeat(201)));
        assertEquals(List.of(new FieldError("points", "Award 1 to 10000 points."),
                new FieldError("reason", "Keep the reason within 200 characters.")), both.errors());
        assertThrows(ValidationException.class, () -> PointsRules.check(10_001, ""));
    }

    @Test
    void typedPointsAreReadAsWholeNumbers() {
        assertEquals(50, PointsRules.parse(" 50 "));
        assertEquals(50, PointsRules.parse("50.0"));
        assertEquals("points", assertThrows(ValidationException.class, () -> PointsRules.parse("5.5")).errors().get(0).field());
        assertThrows(ValidationException.class, () -> PointsRules.parse(""));
        assertThrows(ValidationException.class, () -> PointsRules.parse(null));
    }
}
