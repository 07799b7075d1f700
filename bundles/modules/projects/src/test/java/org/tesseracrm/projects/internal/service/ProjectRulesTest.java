package org.tesseracrm.projects.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.projects.api.ProjectFields;

/** The dates in order and the budget not below 0. */
class ProjectRulesTest {
    @Test
    void theEndMayBeTheStartButNotBefore() {
        assertEquals(List.of(), fields(project(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1), "0")));
        assertEquals(List.of(), fields(project(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), "1000.00")));
        assertEquals(List.of(ProjectFields.END_DATE), fields(project(LocalDate.of(2026, 1, 2),
                LocalDate.of(2026, 1, 1), null)));
        assertEquals(List.of(), fields(project(null, LocalDate.of(2026, 1, 1), null)), "one date alone is fine");
    }

    @Test
    void aNegativeBudgetIsRefused() {
        assertEquals(List.of(ProjectFields.BUDGET), fields(project(null, null, "-0.01")));
    }

    private static List<String> fields(RecordRow project) {
        return ProjectRules.errors(project).stream().map(FieldError::field).toList();
    }

    private static RecordRow project(LocalDate start, LocalDate end, String budget) {
        Map<String, Object> values = new HashMap<>();
        values.put(ProjectFields.NAME, "Roll-out");
        if (start != null) {
            values.put(ProjectFields.START_DATE, start);
        }
        if (end != null) {
            values.put(ProjectFields.END_DATE, end);
        }
        if (budget != null) {
            values.put(ProjectFields.BUDGET, new BigDecimal(budget));
        }
        return new RecordRow(1, 1, values);
    }
}
