package org.tesseracrm.kernel.ui.kit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * Asks for one filter: a field, an operator that suits the field's type, and the value(s). The filter
 * is checked by the service before it is added, so a bad value is reported here, on the value field.
 */
class FilterDialog extends Dialog {
    private static final long serialVersionUID = 1L;

    private final transient CustomFields customFields;
    private final String recordType;
    private final Select<FieldDefinition> field = new Select<>();
    private final Select<FilterOp> op = new Select<>();
    private final TextField value = new TextField("Value");
    private final TextField to = new TextField("To");
    private final MultiSelectComboBox<String> choices = new MultiSelectComboBox<>("Values");

    /**
     * @param fields the record type's fields
     * @param check throws the service's validation error for a bad filter
     * @param add receives the filter and a description users read
     */
    FilterDialog(List<FieldDefinition> fields, CustomFields customFields, String recordType, Consumer<Filter> check,
            BiConsumer<Filter, String> add) {
        this.customFields = customFields;
        this.recordType = recordType;
        setHeaderTitle("Add a filter");
        field.setLabel("Field");
        field.setId("filter-field");
        field.setItems(fields.stream().filter(FieldDefinition::sortable).toList());
        field.setItemLabelGenerator(FieldDefinition::label);
        op.setLabel("Condition");
        op.setId("filter-op");
        op.setItemLabelGenerator(FilterOp::label);
        value.setId("filter-value");
        to.setId("filter-to");
        choices.setId("filter-choices");
        choices.addCustomValueSetListener(e -> choices.select(e.getDetail()));
        field.addValueChangeListener(e -> fieldChosen(e.getValue()));
        op.addValueChangeListener(e -> opChosen(e.getValue()));

        Button apply = new Button("Apply", e -> apply(check, add));
        apply.setId("filter-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), apply);
        add(new FormLayout(field, op, value, to, choices));
        if (!fields.isEmpty()) {
            field.setValue(fields.get(0));
        }
    }

    private void fieldChosen(FieldDefinition chosen) {
        if (chosen == null) {
            return;
        }
        List<FilterOp> ops = Arrays.stream(FilterOp.values()).filter(o -> o.allows(chosen.type())).toList();
        op.setItems(ops);
        op.setValue(chosen.type().textual() ? FilterOp.CONTAINS : chosen.type().ranged() ? FilterOp.BETWEEN
                : ops.contains(FilterOp.IN) ? FilterOp.IN : FilterOp.EQUALS);
        boolean pickList = chosen.type() == FieldType.PICKLIST || chosen.type() == FieldType.MULTI_PICKLIST;
        choices.setItems(pickList ? customFields.pickList(recordType, chosen.name()).stream()
                .map(PickListValue::value).toList() : List.of());
        choices.setAllowCustomValue(!pickList);
        LocalTimes times = LocalTimes.current();
        LocalDateTime example = LocalDateTime.of(2026, 11, 23, 14, 30);
        String hint = switch (chosen.type()) {
            case DATE -> times.format(example.toLocalDate());
            case DATE_TIME -> times.format(example.toLocalDate()) + " or " + times.formatUtc(times.toUtc(example));
            case NUMBER, MONEY -> "1234.5";
            case BOOLEAN -> "Yes or No";
            default -> "";
        };
        value.setPlaceholder(hint);
        to.setPlaceholder(hint);
    }

    private void opChosen(FilterOp chosen) {
        int arity = chosen == null ? 0 : chosen.arity();
        value.setVisible(arity == 1 || arity == 2);
        value.setLabel(arity == 2 ? "From" : "Value");
        to.setVisible(arity == 2);
        choices.setVisible(arity < 0);
    }

    private void apply(Consumer<Filter> check, BiConsumer<Filter, String> add) {
        FieldDefinition chosen = field.getValue();
        FilterOp how = op.getValue();
        if (chosen == null || how == null) {
            return;
        }
        List<String> values = switch (how.arity()) {
            case 0 -> List.of();
            case 2 -> List.of(value.getValue(), to.getValue());
            case 1 -> List.of(value.getValue());
            default -> List.copyOf(choices.getSelectedItems());
        };
        if (how.arity() < 0 && values.isEmpty()) {
            choices.setErrorMessage("Choose at least one value");
            choices.setInvalid(true);
            return;
        }
        Filter filter = new Filter(chosen.name(), how, stored(chosen, how, values, LocalTimes.current()));
        try {
            check.accept(filter);
        } catch (ValidationException e) {
            TextField target = value.isVisible() ? value : to;
            target.setErrorMessage(e.errors().get(0).message());
            target.setInvalid(true);
            return;
        }
        add.accept(filter, describe(chosen, how, values));
        close();
    }

    /**
     * @param field the filtered field
     * @param op the operator
     * @param typed the values as the user typed them
     * @param times the user's zone and form of dates
     * @return the values as the service reads them: dates ISO, date-times in UTC; a date as a date-time
     *     bound means the day in the user's zone; what is no date stays as typed, for the service to refuse
     */
    static List<String> stored(FieldDefinition field, FilterOp op, List<String> typed, LocalTimes times) {
        if (field.type() != FieldType.DATE && field.type() != FieldType.DATE_TIME) {
            return typed;
        }
        List<String> stored = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            stored.add(stored(field.type(), typed.get(i), op == FilterOp.BETWEEN && i == 1, times));
        }
        return stored;
    }

    private static String stored(FieldType type, String text, boolean upper, LocalTimes times) {
        Optional<LocalDate> day = times.parseDate(text);
        if (type == FieldType.DATE) {
            return day.map(LocalDate::toString).orElse(text);
        }
        if (day.isPresent()) {
            Instant start = times.startOf(upper ? day.get().plusDays(1) : day.get());
            return RecordRow.format(LocalDateTime.ofInstant(start, ZoneOffset.UTC));
        }
        return times.parse(text).map(RecordRow::format).orElse(text);
    }

    static String describe(FieldDefinition field, FilterOp op, List<String> values) {
        String text = switch (op.arity()) {
            case 0 -> "";
            case 2 -> values.get(0).isBlank() ? "≤ " + values.get(1).strip()
                    : values.get(1).isBlank() ? "≥ " + values.get(0).strip()
                    : values.get(0).strip() + " – " + values.get(1).strip();
            default -> String.join(", ", values);
        };
        String how = op == FilterOp.BETWEEN ? "" : op.label() + " ";
        return (field.label() + " " + how + text).strip();
    }

    /**
     * What a filter's chip says: as {@link #describe(FieldDefinition, FilterOp, List)}, or with the field's name for
     * a field not among the fields (the list still filters by it; the platform refuses an unknown field).
     */
    static String describe(List<FieldDefinition> fields, Filter filter) {
        return fields.stream().filter(f -> f.name().equals(filter.field())).findFirst()
                .map(field -> describe(field, filter.op(), filter.values()))
                .orElseGet(() -> (filter.field() + " " + (filter.op() == FilterOp.BETWEEN ? "" : filter.op().label() + " ")
                        + String.join(", ", filter.values())).strip());
    }
}
