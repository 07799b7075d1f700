package org.tesseracrm.surveys.internal.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.tesseracrm.kernel.api.FieldError;

/**
 * The rules of a survey response beyond its field definitions: the score is a whole number from 0 to 10 (the NPS and
 * CSAT scale the key-account KPIs read), and the response names who answered, a contact or a company. The record
 * type applies them to every record the platform creates or changes (form, inline edit, import, REST API, bulk edit,
 * merge).
 */
public final class SurveyRules {
    /** The lowest score. */
    public static final int MIN_SCORE = 0;
    /** The highest score. */
    public static final int MAX_SCORE = 10;

    private SurveyRules() {
    }

    /**
     * @param values the response's predefined field values, typed as the record platform reads them (a number is a
     *     {@link BigDecimal}, a lookup a {@link Long})
     * @return one error per broken rule; empty if none
     */
    public static List<FieldError> check(Map<String, Object> values) {
        List<FieldError> errors = new ArrayList<>();
        Object score = values.get(SurveyRecordType.SCORE);
        if (score != null && !validScore(score)) {
            errors.add(new FieldError(SurveyRecordType.SCORE,
                    "The score is a whole number from " + MIN_SCORE + " to " + MAX_SCORE + "."));
        }
        if (values.get(SurveyRecordType.CONTACT) == null && values.get(SurveyRecordType.COMPANY) == null) {
            errors.add(new FieldError(SurveyRecordType.CONTACT,
                    "Name the contact or the company who answered the survey."));
        }
        return errors;
    }

    private static boolean validScore(Object score) {
        BigDecimal number;
        if (score instanceof BigDecimal decimal) {
            number = decimal;
        } else if (score instanceof Number other) {
            number = new BigDecimal(other.toString());
        } else {
            return false;
        }
        return number.stripTrailingZeros().scale() <= 0 && number.compareTo(BigDecimal.valueOf(MIN_SCORE)) >= 0
                && number.compareTo(BigDecimal.valueOf(MAX_SCORE)) <= 0;
    }
}
