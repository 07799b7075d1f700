package org.tesseracrm.automation.internal.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.TimeSpan;
import org.tesseracrm.kernel.api.record.FieldDefinition;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The inputs for a trigger's or an action's configuration schema, one per {@link Parameter}, by its type: a text
 * field, a text area, a number, a check box, a select, a multi-select, an amount and a unit, a select of the record
 * type's fields, of users or of groups. Each input's id is the form's prefix, a dash and the parameter's name (e.g.
 * {@code automation-action-0-title}); an amount of time's unit adds {@code -unit}. It hands back the values as text by
 * name, as a rule keeps them (blank ones left out).
 */
class ParameterForm extends FormLayout {
    private static final long serialVersionUID = 1L;

    /** What the selects of fields, users and groups offer. */
    record Choices(List<FieldDefinition> fields, List<String> users, List<String> groups) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }

    private final Map<String, Input> inputs = new LinkedHashMap<>();
    private final transient List<Parameter> parameters;

    /**
     * @param parameters the schema
     * @param values the values the rule holds, by name
     * @param choices the fields, users and groups offered
     * @param prefix the inputs' id prefix
     */
    ParameterForm(List<Parameter> parameters, Map<String, String> values, Choices choices, String prefix) {
        this.parameters = List.copyOf(parameters);
        for (Parameter p : parameters) {
            Input input = input(p, FormValues.initial(p, values), choices, prefix + "-" + p.name());
            inputs.put(p.name(), input);
            add(input.component());
        }
    }

    /** @return the values entered, as text by name, blank ones left out */
    Map<String, String> values() {
        Map<String, String> out = new LinkedHashMap<>();
        inputs.forEach((name, input) -> {
            String v = input.value().get();
            if (v != null && !v.isBlank()) {
                out.put(name, v.strip());
            }
        });
        return out;
    }

    /**
     * Checks every value as the service will (required, numbers, choices, amounts of time) and marks the inputs.
     *
     * @return whether every value is fine
     */
    boolean validate() {
        boolean ok = true;
        for (Parameter p : parameters) {
            Input input = inputs.get(p.name());
            Optional<String> error = FormValues.check(p, input.value().get());
            input.error(error.orElse(null));
            ok &= error.isEmpty();
        }
        return ok;
    }

    /**
     * @param name a parameter's name
     * @param message the service's message about its value
     * @return whether the form has the parameter (and now shows the message)
     */
    boolean showError(String name, String message) {
        Input input = inputs.get(name);
        if (input == null) {
            return false;
        }
        input.error(message);
        return true;
    }

    /** One input: its component, its value as text, where its error shows. */
    private record Input(Component component, Supplier<String> value, HasValidation validation) {
        void error(String message) {
            if (validation != null) {
                validation.setErrorMessage(message);
                validation.setInvalid(message != null);
            }
        }
    }

    private static Input input(Parameter p, String initial, Choices choices, String id) {
        switch (p.type()) {
            case LONG_TEXT: {
                TextArea area = new TextArea(p.label());
                area.setValue(initial);
                return text(area, p, id, area::getValue);
            }
            case NUMBER: {
                TextField number = new TextField(p.label());
                number.setValue(initial);
                number.setPlaceholder("e.g. 20.5");
                return text(number, p, id, number::getValue);
            }
            case BOOLEAN: {
                Checkbox box = new Checkbox(p.label());
                box.setValue("true".equalsIgnoreCase(initial));
                box.setId(id);
                return new Input(box, () -> box.getValue().toString(), null);
            }
            case CHOICE: {
                Select<String> select = new Select<>();
                select.setLabel(p.label());
                select.setItems(p.choices());
                if (p.choices().contains(initial)) {
                    select.setValue(initial);
                }
                select.setEmptySelectionAllowed(!p.required());
                return text(select, p, id, () -> select.getValue() == null ? "" : select.getValue());
            }
            case MULTI_CHOICE: {
                MultiSelectComboBox<String> many = new MultiSelectComboBox<>(p.label());
                many.setItems(p.choices());
                many.select(FormValues.split(initial).stream().filter(p.choices()::contains).toList());
                return text(many, p, id, () -> FormValues.join(many.getSelectedItems()));
            }
            case TIME_SPAN:
                return timeSpan(p, initial, id);
            case FIELD: {
                ComboBox<String> field = new ComboBox<>(p.label());
                List<String> names = choices.fields().stream().map(FieldDefinition::name).toList();
                field.setItems(names);
                field.setItemLabelGenerator(name -> choices.fields().stream().filter(f -> f.name().equals(name))
                        .findFirst().map(FieldDefinition::label).orElse(name));
                if (!initial.isEmpty()) {
                    field.setItems(names.contains(initial) ? names
                            : java.util.stream.Stream.concat(names.stream(), java.util.stream.Stream.of(initial))
                                    .toList());
                    field.setValue(initial);
                }
                return text(field, p, id, () -> field.getValue() == null ? "" : field.getValue());
            }
            case USER: {
                ComboBox<String> user = new ComboBox<>(p.label());
                List<String> users = choices.users().contains(initial) || initial.isEmpty() ? choices.users()
                        : java.util.stream.Stream.concat(choices.users().stream(), java.util.stream.Stream.of(initial))
                                .toList();
                user.setItems(users);
                user.setAllowCustomValue(true);
                user.addCustomValueSetListener(e -> user.setValue(e.getDetail()));
                if (!initial.isEmpty()) {
                    user.setValue(initial);
                }
                return text(user, p, id, () -> user.getValue() == null ? "" : user.getValue());
            }
            case GROUPS: {
                MultiSelectComboBox<String> groups = new MultiSelectComboBox<>(p.label());
                List<String> chosen = FormValues.split(initial);
                groups.setItems(java.util.stream.Stream.concat(choices.groups().stream(),
                        chosen.stream().filter(g -> !choices.groups().contains(g))).toList());
                groups.setAllowCustomValue(choices.groups().isEmpty());
                groups.addCustomValueSetListener(e -> {
                    java.util.Set<String> now = new java.util.LinkedHashSet<>(groups.getSelectedItems());
                    now.add(e.getDetail().strip());
                    groups.setItems(now);
                    groups.select(now);
                });
                groups.select(chosen);
                return text(groups, p, id, () -> FormValues.join(groups.getSelectedItems()));
            }
            case TEXT:
            default: {
                TextField text = new TextField(p.label());
                text.setValue(initial);
                return text(text, p, id, text::getValue);
            }
        }
    }

    private static <C extends Component & HasValidation> Input text(C component, Parameter p, String id,
            Supplier<String> value) {
        component.setId(id);
        if (component instanceof com.vaadin.flow.component.HasHelper helper && !p.help().isBlank()) {
            helper.setHelperText(p.help());
        }
        if (component instanceof com.vaadin.flow.component.HasValue<?, ?> input) {
            input.setRequiredIndicatorVisible(p.required());
        }
        return new Input(component, value, component);
    }

    private static Input timeSpan(Parameter p, String initial, String id) {
        Optional<TimeSpan> span = FormValues.timeSpan(initial);
        IntegerField amount = new IntegerField(p.label());
        amount.setMin(0);
        amount.setId(id);
        span.ifPresent(s -> amount.setValue(s.amount()));
        Select<TimeSpan.Unit> unit = new Select<>();
        unit.setLabel("Unit");
        unit.setId(id + "-unit");
        unit.setItems(TimeSpan.Unit.values());
        unit.setItemLabelGenerator(TimeSpan.Unit::text);
        unit.setValue(span.map(TimeSpan::unit).orElse(TimeSpan.Unit.MINUTES));
        if (!p.help().isBlank()) {
            amount.setHelperText(p.help());
        }
        HorizontalLayout row = new HorizontalLayout(amount, unit);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return new Input(row, () -> FormValues.timeSpan(amount.getValue(), unit.getValue()), amount);
    }
}
