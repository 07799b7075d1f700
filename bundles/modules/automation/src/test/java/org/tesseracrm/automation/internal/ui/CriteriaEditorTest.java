package org.tesseracrm.automation.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;

/** The criteria editor built without a browser: conditions load, read back, and a missing value is marked. */
class CriteriaEditorTest {
    private static final List<FieldDefinition> FIELDS = List.of(
            FieldDefinition.predefined("lastName", "Last name", FieldType.TEXT, "LAST_NAME", true, 100),
            FieldDefinition.predefined("source", "Source", FieldType.PICKLIST, "SOURCE", false, 100),
            FieldDefinition.predefined("lastContact", "Last contact", FieldType.DATE, "LAST_CONTACT", false, 0));

    @Test
    void conditionsLoadAndReadBackWithRelativeDates() {
        Criteria criteria = new Criteria(Criteria.Match.ANY, List.of(Filter.of("lastName", FilterOp.CONTAINS, "acme"),
                new Filter("source", FilterOp.IN, List.of("Web", "Fair")),
                new Filter("lastContact", FilterOp.BETWEEN, List.of("", "today-90days")),
                new Filter("lastName", FilterOp.NOT_EMPTY, List.of())));
        CriteriaEditor editor = new CriteriaEditor(criteria, FIELDS, field -> List.of("Web", "Fair", "Phone"));
        assertEquals(Optional.of(criteria), editor.criteria());
    }

    @Test
    void aConditionWithoutItsValueIsMarkedAndTheServicesMessageFindsItsRow() {
        CriteriaEditor editor = new CriteriaEditor(Criteria.none(), FIELDS, field -> List.of());
        assertEquals(Optional.of(Criteria.none()), editor.criteria());
        ((Button) find(editor, "automation-condition-add")).click();
        assertEquals(Optional.empty(), editor.criteria(), "contains needs a value");
        assertTrue(((HasValidation) find(editor, "automation-condition-0-value")).isInvalid());
        ((TextField) find(editor, "automation-condition-0-value")).setValue("Automaton");
        assertEquals(Optional.of(Criteria.all(Filter.of("lastName", FilterOp.CONTAINS, "Automaton"))),
                editor.criteria());
        assertTrue(editor.showError(0, "Not a field of contacts"));
        assertFalse(editor.showError(1, "x"));
        ((Button) find(editor, "automation-condition-0-remove")).click();
        assertEquals(Optional.of(Criteria.none()), editor.criteria());
    }

    private static Component find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return root;
        }
        return root.getChildren().map(c -> find(c, id)).filter(c -> c != null).findFirst().orElse(null);
    }
}
