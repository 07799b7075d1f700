package org.tesseracrm.automation.internal.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A rule's criteria: all or any of conditions, each a field of the record type, an operator that suits the field's
 * type (the list view's operators, {@link FilterOp#allows}) and its values; dates may be relative
 * ({@code today-90days}). Ids: {@code automation-criteria-match}, {@code automation-condition-add}, and per
 * condition {@code automation-condition-<i>-field}, {@code -op}, {@code -value}, {@code -to}, {@code -values},
 * {@code -remove}.
 */
class CriteriaEditor extends VerticalLayout {
    private static final long serialVersionUID = 1L;
    private static final String DATE_HINT = "yyyy-mm-dd, or today, today-90days, now+2hours";

    private final RadioButtonGroup<Criteria.Match> match = new RadioButtonGroup<>("Run when the record meets");
    private final VerticalLayout rows = new VerticalLayout();
    private final List<Row> conditions = new ArrayList<>();
    private final transient List<FieldDefinition> fields;
    private final transient Function<String, List<String>> pickList;

    /**
     * @param criteria the criteria the rule holds
     * @param fields the record type's fields
     * @param pickList the values of a pick-list field, by field name
     */
    CriteriaEditor(Criteria criteria, List<FieldDefinition> fields, Function<String, List<String>> pickList) {
        this.fields = fields.stream().filter(FieldDefinition::sortable).toList();
        this.pickList = pickList;
        setPadding(false);
        match.setId("automation-criteria-match");
        match.setItems(Criteria.Match.values());
        match.setItemLabelGenerator(m -> m == Criteria.Match.ALL ? "all conditions" : "any condition");
        match.setValue(criteria.match());
        rows.setPadding(false);
        Button add = new Button("Add condition", VaadinIcon.PLUS.create(), e -> addRow(Optional.empty()));
        add.setId("automation-condition-add");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Paragraph none = new Paragraph("No conditions: the rule acts on every record of the type.");
        none.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
        add(match, none, rows, add);
        criteria.conditions().forEach(c -> addRow(Optional.of(c)));
    }

    /** @return the criteria entered; empty when a condition misses its field or a value (it is marked) */
    Optional<Criteria> criteria() {
        List<Filter> out = new ArrayList<>();
        boolean ok = true;
        for (Row row : conditions) {
            Optional<Filter> filter = row.filter();
            ok &= filter.isPresent();
            filter.ifPresent(out::add);
        }
        return ok ? Optional.of(new Criteria(match.getValue() == null ? Criteria.Match.ALL : match.getValue(), out))
                : Optional.empty();
    }

    /**
     * @param index a condition's place, from 0
     * @param message the service's message about it
     * @return whether there is such a condition (and it now shows the message)
     */
    boolean showError(int index, String message) {
        if (index < 0 || index >= conditions.size()) {
            return false;
        }
        conditions.get(index).error(message);
        return true;
    }

    private void addRow(Optional<Filter> filter) {
        Row row = new Row(conditions.size());
        conditions.add(row);
        rows.add(row);
        filter.ifPresent(row::load);
    }

    private void removeRow(Row row) {
        List<Optional<Filter>> kept = new ArrayList<>();
        conditions.stream().filter(r -> r != row).forEach(r -> kept.add(r.current()));
        conditions.clear();
        rows.removeAll();
        kept.forEach(this::addRow);
    }

    /** One condition. */
    private final class Row extends HorizontalLayout {
        private static final long serialVersionUID = 1L;

        private final Select<FieldDefinition> field = new Select<>();
        private final Select<FilterOp> op = new Select<>();
        private final TextField value = new TextField("Value");
        private final TextField to = new TextField("To");
        private final MultiSelectComboBox<String> values = new MultiSelectComboBox<>("Values");

        Row(int index) {
            String id = "automation-condition-" + index;
            field.setLabel("Field");
            field.setId(id + "-field");
            field.setItems(fields);
            field.setItemLabelGenerator(FieldDefinition::label);
            op.setLabel("Condition");
            op.setId(id + "-op");
            op.setItemLabelGenerator(FilterOp::label);
            value.setId(id + "-value");
            to.setId(id + "-to");
            values.setId(id + "-values");
            values.addCustomValueSetListener(e -> {
                List<String> now = new ArrayList<>(values.getSelectedItems());
                now.add(e.getDetail().strip());
                List<String> items = new ArrayList<>(values.getListDataView().getItems().toList());
                if (!items.contains(e.getDetail().strip())) {
                    items.add(e.getDetail().strip());
                }
                values.setItems(items);
                values.select(now);
            });
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> removeRow(this));
            remove.setId(id + "-remove");
            remove.setAriaLabel("Remove condition");
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            field.addValueChangeListener(e -> fieldChosen(e.getValue()));
            op.addValueChangeListener(e -> opChosen(e.getValue()));
            setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            setWrap(true);
            add(field, op, value, to, values, remove);
            if (!fields.isEmpty()) {
                field.setValue(fields.get(0));
            }
        }

        void load(Filter filter) {
            fields.stream().filter(f -> f.name().equals(filter.field())).findFirst().ifPresent(field::setValue);
            op.setValue(filter.op());
            switch (filter.op().arity()) {
                case 0 -> { }
                case 1 -> value.setValue(filter.values().get(0));
                case 2 -> {
                    value.setValue(filter.values().get(0));
                    to.setValue(filter.values().get(1));
                }
                default -> {
                    List<String> items = new ArrayList<>(values.getListDataView().getItems().toList());
                    filter.values().stream().filter(v -> !items.contains(v)).forEach(items::add);
                    values.setItems(items);
                    values.select(filter.values());
                }
            }
        }

        Optional<Filter> current() {
            FieldDefinition f = field.getValue();
            FilterOp how = op.getValue();
            if (f == null || how == null) {
                return Optional.empty();
            }
            List<String> v = FormValues.conditionValues(how, value.getValue(), to.getValue(),
                    values.getSelectedItems());
            return FormValues.checkCondition(how, v).isPresent() ? Optional.empty()
                    : Optional.of(new Filter(f.name(), how, v));
        }

        Optional<Filter> filter() {
            error(null);
            FieldDefinition f = field.getValue();
            FilterOp how = op.getValue();
            if (f == null || how == null) {
                field.setErrorMessage("Choose a field and a condition.");
                field.setInvalid(true);
                return Optional.empty();
            }
            List<String> v = FormValues.conditionValues(how, value.getValue(), to.getValue(),
                    values.getSelectedItems());
            Optional<String> wrong = FormValues.checkCondition(how, v);
            if (wrong.isPresent()) {
                error(wrong.get());
                return Optional.empty();
            }
            return Optional.of(new Filter(f.name(), how, v));
        }

        void error(String message) {
            FilterOp how = op.getValue();
            int arity = how == null ? 1 : how.arity();
            value.setInvalid(false);
            values.setInvalid(false);
            if (message == null) {
                return;
            }
            if (arity < 0) {
                values.setErrorMessage(message);
                values.setInvalid(true);
            } else if (arity == 0) {
                op.setErrorMessage(message);
                op.setInvalid(true);
            } else {
                value.setErrorMessage(message);
                value.setInvalid(true);
            }
        }

        private void fieldChosen(FieldDefinition chosen) {
            if (chosen == null) {
                return;
            }
            List<FilterOp> ops = Arrays.stream(FilterOp.values()).filter(o -> o.allows(chosen.type())).toList();
            FilterOp before = op.getValue();
            op.setItems(ops);
            op.setValue(before != null && ops.contains(before) ? before
                    : chosen.type().textual() ? FilterOp.CONTAINS : chosen.type().ranged() ? FilterOp.BETWEEN
                    : ops.contains(FilterOp.IN) ? FilterOp.IN : FilterOp.EQUALS);
            boolean pick = chosen.type() == FieldType.PICKLIST || chosen.type() == FieldType.MULTI_PICKLIST;
            values.setItems(pick ? pickList.apply(chosen.name()) : List.of());
            values.setAllowCustomValue(!pick);
            boolean date = chosen.type() == FieldType.DATE || chosen.type() == FieldType.DATE_TIME;
            String hint = date ? DATE_HINT : switch (chosen.type()) {
                case NUMBER, MONEY -> "1234.5";
                case BOOLEAN -> "true or false";
                default -> "";
            };
            value.setPlaceholder(hint);
            to.setPlaceholder(hint);
            value.setHelperText(date ? "Relative dates are worked out when the rule runs" : null);
        }

        private void opChosen(FilterOp chosen) {
            int arity = chosen == null ? 0 : chosen.arity();
            value.setVisible(arity == 1 || arity == 2);
            value.setLabel(arity == 2 ? "From" : "Value");
            to.setVisible(arity == 2);
            values.setVisible(arity < 0);
        }
    }
}
