package org.tesseracrm.surveys.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;

/** The survey response's rules and the field contract the key-account KPIs read. */
class SurveyRulesTest {
    private static Map<String, Object> response(Object score, Long contact, Long company) {
        Map<String, Object> values = new HashMap<>();
        values.put(SurveyRecordType.KIND, SurveyRecordType.NPS);
        values.put(SurveyRecordType.SCORE, score);
        values.put(SurveyRecordType.CONTACT, contact);
        values.put(SurveyRecordType.COMPANY, company);
        return values;
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void scoresFromZeroToTenAreKept() {
        for (String score : List.of("0", "6", "7", "9", "10", "10.0000", "0.0000")) {
            assertEquals(List.of(), SurveyRules.check(response(new BigDecimal(score), 1L, null)), score);
        }
    }

    @Test
    void scoresOffTheScaleOrNotWholeAreRefused() {
        for (String score : List.of("-1", "11", "10.5", "0.1", "100")) {
            List<FieldError> errors = SurveyRules.check(response(new BigDecimal(score), 1L, null));
            assertEquals(List.of(SurveyRecordType.SCORE), fields(errors), score);
            assertTrue(errors.get(0).message().contains("whole number from 0 to 10"), errors.get(0).message());
        }
        assertEquals(List.of(SurveyRecordType.SCORE), fields(SurveyRules.check(response("9", 1L, null))));
    }

    @Test
    void aResponseNamesWhoAnswered() {
        assertEquals(List.of(), SurveyRules.check(response(BigDecimal.TEN, null, 4L)));
        List<FieldError> errors = SurveyRules.check(response(BigDecimal.TEN, null, null));
        assertEquals(List.of(SurveyRecordType.CONTACT), fields(errors));
        // both broken: both named
        assertEquals(List.of(SurveyRecordType.SCORE, SurveyRecordType.CONTACT),
                fields(SurveyRules.check(response(new BigDecimal("12"), null, null))));
        // a missing score is the platform's required-field error, not a second one here
        assertEquals(List.of(), SurveyRules.check(response(null, 1L, null)));
    }

    @Test
    void theFieldsTheKpisReadAreThere() {
        SurveyRecordType type = new SurveyRecordType(null);
        Map<String, FieldDefinition> byName = new HashMap<>();
        type.fields().forEach(f -> byName.put(f.name(), f));
        assertEquals(FieldType.NUMBER, byName.get("score").type());
        assertTrue(byName.get("score").required());
        assertEquals(FieldType.PICKLIST, byName.get("kind").type());
        assertTrue(byName.get("kind").required());
        assertEquals(FieldType.DATE, byName.get("answeredOn").type());
        assertEquals(java.util.Optional.of("contact"), byName.get("contact").lookupType());
        assertEquals(java.util.Optional.of("company"), byName.get("company").lookupType());
        assertEquals(java.util.Set.of("NPS", "CSAT"), type.moduleValues("kind"));
        assertEquals(List.of("NPS", "CSAT"), type.initialPickList("kind").stream().map(v -> v.value()).toList());
        assertEquals(type.check(response(new BigDecimal("11"), 1L, null)).size(), 1);
        assertTrue(type.defaultValue("answeredOn").isPresent());
    }
}
