package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordRow;

/** The checks shared by import, inline edit and bulk update, on a record as it would become. */
class RecordRulesTest {
    private static final PeopleType PEOPLE = new PeopleType();
    private static final List<FieldDefinition> FIELDS = new ArrayList<>(PEOPLE.fields());
    private static final List<PickListValue> SEGMENTS = List.of(new PickListValue("SMB", Optional.empty(), true, true),
            new PickListValue("Legacy", Optional.empty(), false, false));

    static {
        FIELDS.addAll(PeopleType.CUSTOM);
    }

    private static final RecordRow ADA = new RecordRow(1, 3, Map.of("name", "Ada", "owner", "ann",
            "cf_segment", "Legacy", "cf_score", new BigDecimal("7")));

    @Test
    void mergedKeepsUntouchedFieldsAndClearsGivenNulls() {
        Map<FieldDefinition, Object> changes = new HashMap<>();
        changes.put(field("cf_score"), null);
        changes.put(field("email"), "ada@example.org");
        Map<FieldDefinition, Object> merged = RecordRules.merged(FIELDS, ADA, changes);
        assertEquals("Ada", merged.get(field("name")));
        assertEquals("ada@example.org", merged.get(field("email")));
        assertEquals(null, merged.get(field("cf_score")), "a given null clears");
        assertEquals("Legacy", merged.get(field("cf_segment")));
    }

    @Test
    void aRecordMayKeepAnInactiveValueButNotChooseOne() {
        assertEquals(List.of(), check(ADA, Map.of(field("cf_score"), new BigDecimal("8"))),
                "Legacy stays on Ada while another field changes");
        RecordRow grace = new RecordRow(2, 1, Map.of("name", "Grace", "owner", "ann", "cf_segment", "SMB"));
        assertEquals(List.of(new FieldError("cf_segment", "\"Legacy\" is not one of the values of Segment (SMB).")),
                check(grace, Map.of(field("cf_segment"), "Legacy")));
    }

    @Test
    void requiredFieldsAndTheTypesOwnRulesApplyToTheWholeRecord() {
        Map<FieldDefinition, Object> clearName = new HashMap<>();
        clearName.put(field("name"), null);
        assertEquals(List.of(new FieldError("name", "Name is required.")), check(ADA, clearName));
        assertEquals(List.of(new FieldError("name", "Names do not shout")), check(ADA, Map.of(field("name"), "Ada!")));
    }

    private static List<FieldError> check(RecordRow row, Map<FieldDefinition, Object> changes) {
        return RecordRules.check(PEOPLE, RecordRules.merged(FIELDS, row, changes), row, f -> SEGMENTS);
    }

    private static FieldDefinition field(String name) {
        return FIELDS.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
