package com.example.loyalty.internal.service;

import java.util.ArrayList;
import java.util.List;

import com.example.loyalty.api.PointsService;

import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;

/** What an award of points must be, and reading the points a user typed. */
final class PointsRules {
    static final int REASON_MAX = 200;

    private PointsRules() {
    }

    /**
     * @param points the points to award
     * @param reason why; null counts as blank
     * @throws ValidationException naming each field to correct
     */
    static void check(int points, String reason) {
        List<FieldError> errors = new ArrayList<>();
        if (points < 1 || points > PointsService.MAX_POINTS) {
            errors.add(new FieldError("points", "Award 1 to " + PointsService.MAX_POINTS + " points."));
        }
        if (reason != null && reason.strip().length() > REASON_MAX) {
            errors.add(new FieldError("reason", "Keep the reason within " + REASON_MAX + " characters."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * @param text the points as typed, e.g. "50" (a form's number field may give "50.0")
     * @return the whole number
     * @throws ValidationException if it is blank or not a whole number
     */
    static int parse(String text) {
        String plain = text == null ? "" : text.strip().replaceFirst("\\.0+$", "");
        try {
            return Integer.parseInt(plain);
        } catch (NumberFormatException e) {
            throw new ValidationException(List.of(new FieldError("points", "Enter the points as a whole number.")));
        }
    }
}
