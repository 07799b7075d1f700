package org.tesseracrm.automation.internal.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.ParameterType;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/** The form of a trigger's or an action's schema, built without a browser: one input per type, values as text. */
class ParameterFormTest {
    private static final List<Parameter> SCHEMA = List.of(
            Parameter.of("title", "Title", ParameterType.TEXT, true),
            Parameter.of("notes", "Notes", ParameterType.LONG_TEXT, false),
            Parameter.of("points", "Points", ParameterType.NUMBER, false),
            Parameter.of("late", "Late", ParameterType.BOOLEAN, false),
            Parameter.choice("kind", "Kind", List.of("Call", "Meeting")),
            new Parameter("days", "Days", ParameterType.MULTI_CHOICE, false, List.of("Mon", "Tue", "Wed"),
                    Optional.empty(), ""),
            Parameter.of("within", "Complete within", ParameterType.TIME_SPAN, true),
            Parameter.of("field", "Field", ParameterType.FIELD, false),
            Parameter.of("user", "User", ParameterType.USER, false),
            Parameter.of("groups", "Groups", ParameterType.GROUPS, false));
    private static final ParameterForm.Choices CHOICES = new ParameterForm.Choices(List.of(
            FieldDefinition.predefined("lastName", "Last name", FieldType.TEXT, "LAST_NAME", true, 100),
            FieldDefinition.predefined("email", "E-mail", FieldType.EMAIL, "EMAIL", false, 200)),
            List.of("admin", "mia"), List.of("Sales", "Support"));

    @Test
    void everyTypeGetsItsInputAndGivesItsValueBackAsARuleKeepsIt() {
        Map<String, String> values = Map.of("title", "Confirm <b>meeting</b>", "notes", "Line 1\nLine 2",
                "points", "20.5", "late", "true", "kind", "Meeting", "days", "Mon;Wed", "within", "120 minutes",
                "field", "email", "user", "mia", "groups", "Sales;Support");
        ParameterForm form = new ParameterForm(SCHEMA, values, CHOICES, "automation-action-0");
        assertEquals(values, form.values());
        assertTrue(form.validate());
        assertTrue(find(form, "automation-action-0-title") instanceof TextField);
        assertTrue(find(form, "automation-action-0-notes") instanceof TextArea);
        assertTrue(find(form, "automation-action-0-late") instanceof Checkbox);
        assertTrue(find(form, "automation-action-0-days") instanceof MultiSelectComboBox);
        assertTrue(find(form, "automation-action-0-within") instanceof IntegerField);
        assertTrue(find(form, "automation-action-0-within-unit") != null);
        @SuppressWarnings("unchecked")
        ComboBox<String> field = (ComboBox<String>) find(form, "automation-action-0-field");
        assertEquals("E-mail", field.getItemLabelGenerator().apply("email"), "fields are offered by label");
    }

    @Test
    void aNewFormStartsWithTheDefaultsAndRefusesWhatIsMissingOrWrong() {
        ParameterForm form = new ParameterForm(SCHEMA, Map.of(), CHOICES, "p");
        assertEquals(Map.of("late", "false", "kind", "Call"), form.values(), "a check box and a choice have a default");
        assertFalse(form.validate());
        assertTrue(((HasValidation) find(form, "p-title")).isInvalid());
        assertTrue(((HasValidation) find(form, "p-within")).isInvalid(), "the amount shows the span's error");
        ((TextField) find(form, "p-title")).setValue("x");
        ((IntegerField) find(form, "p-within")).setValue(3);
        ((TextField) find(form, "p-points")).setValue("3,5");
        assertFalse(form.validate());
        assertFalse(((HasValidation) find(form, "p-title")).isInvalid());
        assertTrue(((HasValidation) find(form, "p-points")).isInvalid());
        ((TextField) find(form, "p-points")).setValue("3.5");
        assertTrue(form.validate());
        assertEquals("3 minutes", form.values().get("within"));
        assertTrue(form.showError("field", "No such field"));
        assertTrue(((HasValidation) find(form, "p-field")).isInvalid());
        assertFalse(form.showError("unknown", "x"));
    }

    @Test
    void aValueNoLongerOfferedIsKeptRatherThanLost() {
        ParameterForm form = new ParameterForm(SCHEMA, Map.of("title", "t", "within", "1 day", "field", "gone",
                "user", "former", "groups", "Old group;Sales"), CHOICES, "p");
        Map<String, String> back = form.values();
        assertEquals("gone", back.get("field"));
        assertEquals("former", back.get("user"));
        assertEquals("Old group;Sales", back.get("groups"));
        assertEquals("1 days", back.get("within"));
    }

    private static Component find(Component root, String id) {
        if (root.getId().filter(id::equals).isPresent()) {
            return root;
        }
        return root.getChildren().map(c -> find(c, id)).filter(c -> c != null).findFirst().orElse(null);
    }
}
