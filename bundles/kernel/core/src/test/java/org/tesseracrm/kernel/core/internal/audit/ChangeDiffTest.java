package org.tesseracrm.kernel.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.audit.FieldChange;

class ChangeDiffTest {

    @Test
    void keepsOnlyChangedFieldsInTheOrderOfTheRecord() {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("firstName", "Ada");
        before.put("lastName", "Byron");
        before.put("email", null);
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("lastName", "Lovelace");
        after.put("email", "ada@example.org");
        assertEquals(List.of(new FieldChange("lastName", "Byron", "Lovelace"), new FieldChange("email", "", "ada@example.org")),
                ChangeDiff.between(before, after));
    }

    @Test
    void aCreateListsEveryFilledFieldAndADeleteEveryFieldItHad() {
        assertEquals(List.of(new FieldChange("name", "", "Acme")), ChangeDiff.between(Map.of(), Map.of("name", "Acme")));
        assertEquals(List.of(new FieldChange("name", "Acme", "")), ChangeDiff.between(Map.of("name", "Acme"), Map.of()));
    }

    @Test
    void cutsVeryLongValuesToTheColumnSize() {
        String longText = "x".repeat(5000);
        FieldChange change = ChangeDiff.between(Map.of("notes", ""), Map.of("notes", longText)).get(0);
        assertEquals(ChangeDiff.MAX_VALUE, change.newValue().length());
        assertEquals('…', change.newValue().charAt(ChangeDiff.MAX_VALUE - 1));
    }
}
