package org.tesseracrm.collections.internal.ui;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.collections.api.CollectionFields;
import org.tesseracrm.collections.api.Obligation;
import org.tesseracrm.collections.api.ObligationInput;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.ui.kit.FieldErrors;

/**
 * The editor of a collection's obligations: a grid with one row per obligation (amount, due date, status, amount
 * paid, result, notes, and a bin to remove it) and Add obligation below. It holds the rows until its host saves
 * {@link #getObligations()}; the service's refusals appear at the cells they name ({@code obligations[i].amount}...).
 * Element ids: {@code obligations-grid}, {@code obligations-add}; cells have the classes {@code obligation-amount},
 * {@code obligation-due}, {@code obligation-status}, {@code obligation-paid}, {@code obligation-result},
 * {@code obligation-notes}, {@code obligation-remove}.
 */
class ObligationsEditor extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final List<Row> rows = new ArrayList<>();
    private final Grid<Row> grid = new Grid<>();
    private final Button add = new Button("Add obligation", VaadinIcon.PLUS.create());
    private final Grid.Column<Row> remove;
    private boolean readOnly;

    ObligationsEditor() {
        setPadding(false);
        grid.setId("obligations-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.addComponentColumn(r -> r.amount).setHeader("Amount").setWidth("8em").setFlexGrow(0);
        grid.addComponentColumn(r -> r.due).setHeader("Due date").setWidth("10em").setFlexGrow(0);
        grid.addComponentColumn(r -> r.status).setHeader("Status").setWidth("10em").setFlexGrow(0);
        grid.addComponentColumn(r -> r.paid).setHeader("Amount paid").setWidth("8em").setFlexGrow(0);
        grid.addComponentColumn(r -> r.result).setHeader("Result").setWidth("10em").setFlexGrow(1);
        grid.addComponentColumn(r -> r.notes).setHeader("Notes").setWidth("12em").setFlexGrow(2);
        remove = grid.addComponentColumn(this::removeButton).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        add.setId("obligations-add");
        add.addClickListener(e -> {
            rows.add(new Row(Optional.empty()));
            grid.setItems(rows);
        });
        add(grid, add);
    }

    /** @param obligations the stored obligations, shown in place of what the editor held */
    void setObligations(List<Obligation> obligations) {
        rows.clear();
        obligations.forEach(o -> rows.add(new Row(Optional.of(o))));
        grid.setItems(rows);
        setReadOnly(readOnly);
    }

    /** @return the obligations as entered, in order; empty fields are null (the service says what is missing) */
    List<ObligationInput> getObligations() {
        return rows.stream().map(Row::input).toList();
    }

    /** @param value true to show the obligations without any way to change them */
    void setReadOnly(boolean value) {
        readOnly = value;
        add.setVisible(!value);
        remove.setVisible(!value);
        rows.forEach(r -> r.readOnly(value));
    }

    boolean isReadOnly() {
        return readOnly;
    }

    /** @param e the service's refusal, shown at the cells it names */
    void showErrors(ValidationException e) {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            String at = "obligations[" + i + "].";
            fields.put(at + "amount", row.amount);
            fields.put(at + "dueDate", row.due);
            fields.put(at + "status", row.status);
            fields.put(at + "amountPaid", row.paid);
            fields.put(at + "result", row.result);
            fields.put(at + "notes", row.notes);
        }
        FieldErrors.show(e, fields);
    }

    /** Removes a row, as its bin does. @param index the row */
    void removeRow(int index) {
        rows.remove(index);
        grid.setItems(rows);
    }

    /** @return how many rows the editor holds */
    int size() {
        return rows.size();
    }

    private Button removeButton(Row row) {
        Button bin = new Button(VaadinIcon.TRASH.create(), e -> removeRow(rows.indexOf(row)));
        bin.addClassName("obligation-remove");
        bin.setAriaLabel("Remove obligation");
        bin.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return bin;
    }

    /** One obligation's fields. */
    private static final class Row {
        private final Optional<Long> id;
        private final BigDecimalField amount = new BigDecimalField();
        private final DatePicker due = new DatePicker();
        private final ComboBox<String> status = new ComboBox<>();
        private final BigDecimalField paid = new BigDecimalField();
        private final TextField result = new TextField();
        private final TextField notes = new TextField();

        Row(Optional<Obligation> stored) {
            id = stored.map(Obligation::id);
            amount.addClassName("obligation-amount");
            due.addClassName("obligation-due");
            status.addClassName("obligation-status");
            status.setItems(CollectionFields.OBLIGATION_STATUSES);
            status.setPlaceholder("By payment");
            status.setClearButtonVisible(true);
            paid.addClassName("obligation-paid");
            result.addClassName("obligation-result");
            result.setMaxLength(200);
            notes.addClassName("obligation-notes");
            notes.setMaxLength(2000);
            for (var field : List.of(amount, paid)) {
                field.setWidthFull();
            }
            due.setWidthFull();
            status.setWidthFull();
            result.setWidthFull();
            notes.setWidthFull();
            stored.ifPresent(o -> {
                amount.setValue(o.amount());
                due.setValue(o.dueDate());
                status.setValue(o.status());
                paid.setValue(o.amountPaid());
                result.setValue(o.result());
                notes.setValue(o.notes());
            });
        }

        ObligationInput input() {
            BigDecimal paidValue = paid.getValue();
            return new ObligationInput(id, amount.getValue(), due.getValue(), status.getValue(), paidValue,
                    result.getValue(), notes.getValue());
        }

        void readOnly(boolean value) {
            amount.setReadOnly(value);
            due.setReadOnly(value);
            status.setReadOnly(value);
            paid.setReadOnly(value);
            result.setReadOnly(value);
            notes.setReadOnly(value);
        }
    }
}
