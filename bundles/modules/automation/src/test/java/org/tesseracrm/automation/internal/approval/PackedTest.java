package org.tesseracrm.automation.internal.approval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.automation.api.ApprovalStep;

class PackedTest {
    @Test
    void nestedListsWithSeparatorsAndBackslashesComeBackAsTheyWere() {
        List<String> values = List.of("a|b", "c\\d", "tab\there", "line\nbreak", "", "\\p");
        String inner = Packed.join(values, Packed.VALUES);
        String row = Packed.join(List.of("x", inner, "y\t"), Packed.FIELDS);
        String rows = Packed.join(List.of(row, "second"), Packed.ROWS);
        List<String> back = Packed.split(rows, Packed.ROWS);
        assertEquals(2, back.size());
        List<String> fields = Packed.split(back.get(0), Packed.FIELDS);
        assertEquals(List.of("x", inner, "y\t"), fields);
        assertEquals(values, Packed.split(fields.get(1), Packed.VALUES));
        assertEquals(List.of(), Packed.split("", Packed.ROWS));
        assertEquals("", Packed.field(fields, 7));
    }

    @Test
    void stepsAreStoredAsText() {
        List<ApprovalStep> steps = List.of(ApprovalStep.manager(), ApprovalStep.user("ivan"));
        assertEquals(steps, ApprovalStore.steps(ApprovalStore.steps(steps)));
    }
}
