package org.tesseracrm.kernel.ui.internal.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.CustomFieldInput;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.Typifications;
import org.tesseracrm.kernel.ui.kit.FieldErrors;

/**
 * Administration → Fields and pick-lists: the fields of each record type, adding and removing custom
 * fields, and editing pick-list values (order, colour, default, inactive).
 */
public class FieldsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    /**
     * A record type to choose.
     *
     * @param id the record type id
     * @param label its plural label
     */
    public record TypeChoice(String id, String label) {
    }

    private final transient CustomFields customFields;
    private final Select<TypeChoice> type = new Select<>();
    private final Grid<FieldDefinition> grid = new Grid<>();

    /**
     * @param customFields the service that keeps fields
     * @param types the installed record types
     */
    public FieldsView(CustomFields customFields, List<TypeChoice> types) {
        this.customFields = customFields;
        setSizeFull();
        type.setLabel("Record type");
        type.setId("fields-type");
        type.setItems(types);
        type.setItemLabelGenerator(TypeChoice::label);
        type.addValueChangeListener(e -> refresh());

        Button add = new Button("Add field", new Icon(VaadinIcon.PLUS), e -> addDialog());
        add.setId("fields-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("fields-grid");
        grid.addColumn(FieldDefinition::label).setHeader("Label").setAutoWidth(true);
        grid.addColumn(FieldDefinition::name).setHeader("Name (for imports and the API)").setAutoWidth(true);
        grid.addColumn(f -> typeLabel(f.type())).setHeader("Type").setAutoWidth(true);
        grid.addColumn(f -> f.required() ? "Yes" : "").setHeader("Required").setAutoWidth(true);
        grid.addColumn(f -> f.custom() ? "Custom" : "Comes with the module").setHeader("Origin").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setSizeFull();

        // Typification: the outcomes users may record for this type's records, a pick-list of no column.
        Button outcomes = new Button("Outcome options", new Icon(VaadinIcon.FLAG_CHECKERED),
                e -> new PickListEditor(new FieldDefinition(Typifications.OPTIONS, "Outcome", FieldType.PICKLIST, false,
                        100, false, "", false, Optional.empty())).open());
        outcomes.setId("fields-outcomes");

        HorizontalLayout bar = new HorizontalLayout(type, add, outcomes);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        add(new H2("Fields and pick-lists"), bar, grid);
        if (!types.isEmpty()) {
            type.setValue(types.get(0));
        }
    }

    private void refresh() {
        grid.setItems(type.getValue() == null ? List.of() : customFields.fields(type.getValue().id()));
    }

    private HorizontalLayout actions(FieldDefinition field) {
        HorizontalLayout actions = new HorizontalLayout();
        if (field.type() == FieldType.PICKLIST || field.type() == FieldType.MULTI_PICKLIST) {
            Button values = new Button("Values", e -> new PickListEditor(field).open());
            values.setId("fields-values-" + field.name());
            actions.add(values);
        }
        if (field.custom()) {
            Button remove = new Button("Remove", e -> confirmRemove(field));
            remove.setId("fields-remove-" + field.name());
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(remove);
        }
        return actions;
    }

    private void addDialog() {
        if (type.getValue() == null) {
            return;
        }
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Add a field to " + type.getValue().label());
        TextField label = new TextField("Label");
        label.setId("field-label");
        Select<FieldType> kind = new Select<>();
        kind.setLabel("Type");
        kind.setId("field-type");
        kind.setItems(Arrays.stream(FieldType.values()).filter(t -> t != FieldType.USER).toList());
        kind.setItemLabelGenerator(FieldsView::typeLabel);
        kind.setValue(FieldType.TEXT);
        Checkbox required = new Checkbox("Required");
        IntegerField length = new IntegerField("Maximum length");
        length.setPlaceholder("255");
        Select<TypeChoice> lookup = new Select<>();
        lookup.setLabel("Refers to");
        lookup.setItems(type.getListDataView().getItems().toList());
        lookup.setItemLabelGenerator(TypeChoice::label);
        TextArea values = new TextArea("Values, one per line");
        values.setId("field-values");
        kind.addValueChangeListener(e -> {
            FieldType t = e.getValue();
            length.setVisible(t == FieldType.TEXT);
            lookup.setVisible(t == FieldType.LOOKUP);
            values.setVisible(t == FieldType.PICKLIST || t == FieldType.MULTI_PICKLIST);
        });
        lookup.setVisible(false);
        values.setVisible(false);
        Button save = new Button("Add", e -> {
            CustomFieldInput input = new CustomFieldInput(label.getValue(), kind.getValue(), required.getValue(),
                    length.getValue() == null ? 0 : length.getValue(),
                    Optional.ofNullable(lookup.getValue()).map(TypeChoice::id),
                    values.getValue().lines().map(String::strip).filter(v -> !v.isEmpty()).toList());
            try {
                FieldDefinition added = customFields.add(type.getValue().id(), input);
                dialog.close();
                refresh();
                Notification.show("Added " + added.label() + ". Lists, filters, forms, export and import show it now.")
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException ex) {
                FieldErrors.show(ex, Map.of("label", label));
            }
        });
        save.setId("field-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(label, kind, required, length, lookup, values));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        label.focus();
    }

    private void confirmRemove(FieldDefinition field) {
        Dialog confirm = new Dialog();
        confirm.setHeaderTitle("Remove " + field.label() + "?");
        confirm.add(new Paragraph("Its values on every record are deleted. This cannot be undone."));
        Button remove = new Button("Remove", e -> {
            customFields.remove(type.getValue().id(), field.name());
            confirm.close();
            refresh();
            Notification.show("Removed " + field.label() + ".");
        });
        remove.setId("fields-remove-confirm");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        confirm.getFooter().add(new Button("Keep it", e -> confirm.close()), remove);
        confirm.open();
    }

    static String typeLabel(FieldType type) {
        return switch (type) {
            case TEXT -> "Text";
            case LONG_TEXT -> "Long text";
            case NUMBER -> "Number";
            case MONEY -> "Money";
            case DATE -> "Date";
            case DATE_TIME -> "Date and time";
            case BOOLEAN -> "Yes/No";
            case PICKLIST -> "Pick-list";
            case MULTI_PICKLIST -> "Multi pick-list";
            case EMAIL -> "E-mail";
            case PHONE -> "Phone";
            case URL -> "Web address";
            case LOOKUP -> "Lookup";
            case USER -> "User";
        };
    }

    /** Edits the values of one pick-list: text, colour, default, active, order. */
    private final class PickListEditor extends Dialog {
        private static final long serialVersionUID = 1L;
        private final FieldDefinition field;
        private final VerticalLayout rows = new VerticalLayout();
        private final List<Row> entries = new ArrayList<>();

        PickListEditor(FieldDefinition field) {
            this.field = field;
            setHeaderTitle("Values of " + field.label());
            setId("picklist-editor");
            rows.setPadding(false);
            customFields.pickList(type.getValue().id(), field.name()).forEach(this::addRow);
            Button add = new Button("Add value", new Icon(VaadinIcon.PLUS), e -> addRow(PickListValue.of("")));
            add.setId("picklist-add");
            Button save = new Button("Save", e -> save());
            save.setId("picklist-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(new Paragraph("Inactive values stay on the records that have them but are no longer offered."),
                    rows, add);
            getFooter().add(new Button("Cancel", e -> close()), save);
        }

        private void addRow(PickListValue value) {
            Row row = new Row(new TextField(), new TextField(), new Checkbox("Default"), new Checkbox("Active"));
            row.value().setValue(value.value());
            row.value().setPlaceholder("Value");
            row.colour().setValue(value.colour().orElse(""));
            row.colour().setPlaceholder("#2e7d32");
            row.colour().setWidth("7em");
            row.isDefault().setValue(value.isDefault());
            row.active().setValue(value.active());
            row.value().addClassName("picklist-value");
            entries.add(row);
            HorizontalLayout line = new HorizontalLayout(row.value(), row.colour(), row.isDefault(), row.active());
            line.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            Button up = new Button(new Icon(VaadinIcon.ARROW_UP), e -> move(row, line, -1));
            Button drop = new Button(new Icon(VaadinIcon.TRASH), e -> {
                entries.remove(row);
                rows.remove(line);
            });
            up.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            drop.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            line.add(up, drop);
            rows.add(line);
        }

        private void move(Row row, HorizontalLayout line, int by) {
            int from = entries.indexOf(row);
            int to = from + by;
            if (to < 0 || to >= entries.size()) {
                return;
            }
            entries.remove(from);
            entries.add(to, row);
            rows.remove(line);
            rows.addComponentAtIndex(to, line);
        }

        private void save() {
            List<PickListValue> values = entries.stream()
                    .map(r -> new PickListValue(r.value().getValue(), Optional.of(r.colour().getValue().strip())
                            .filter(c -> !c.isEmpty()), r.isDefault().getValue(), r.active().getValue()))
                    .toList();
            try {
                customFields.savePickList(type.getValue().id(), field.name(), values);
                close();
                Notification.show("Saved the values of " + field.label() + ".")
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException e) {
                Notification.show(String.join(" ", e.errors().stream().map(x -> x.message()).toList()), 6000,
                        Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        }

        private record Row(TextField value, TextField colour, Checkbox isDefault, Checkbox active) {
        }
    }
}
