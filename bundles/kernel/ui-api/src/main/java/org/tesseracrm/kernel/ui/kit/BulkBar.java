package org.tesseracrm.kernel.ui.kit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.BulkAction;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * Row selection and what can be done with it: the grid gets checkboxes; once rows are ticked this bar
 * says how many, offers to take every matching record instead, and holds the bulk actions the user
 * may run: update a field, assign, delete, and the ones other modules contribute. Each asks for
 * confirmation in a dialog, and the service checks permissions and values again.
 *
 * <p>Element ids: {@code <prefix>-bulk} (the bar), {@code -selected}, {@code -select-all},
 * {@code -bulk-update}, {@code -bulk-assign}, {@code -bulk-delete}, {@code -bulk-<action id>},
 * {@code -bulk-clear}; in the dialog {@code bulk-field}, {@code bulk-value}, {@code bulk-owner},
 * {@code bulk-error}, {@code bulk-confirm}, {@code bulk-cancel}.
 */
final class BulkBar extends HorizontalLayout {
    private static final long serialVersionUID = 1L;

    private final transient Records records;
    private final Grid<RecordRow> grid;
    private final String recordType;
    private final String pluralLabel;
    private final transient Supplier<RecordQuery> current;
    private final transient LongSupplier matching;
    private final transient Runnable refresh;
    private final Span selected = new Span();
    private final Button selectAll = new Button();
    private boolean allMatching;
    private String matches = "";

    private BulkBar(Records records, Grid<RecordRow> grid, String recordType, String prefix, String pluralLabel,
            Supplier<RecordQuery> current, LongSupplier matching, Runnable refresh) {
        this.records = records;
        this.grid = grid;
        this.recordType = recordType;
        this.pluralLabel = pluralLabel;
        this.current = current;
        this.matching = matching;
        this.refresh = refresh;
        setId(prefix + "-bulk");
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        getStyle().set("flex-wrap", "wrap");
        selected.setId(prefix + "-selected");
        selectAll.setId(prefix + "-select-all");
        selectAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        selectAll.addClickListener(e -> {
            allMatching = true;
            show();
        });
        add(selected, selectAll);
        setVisible(false);
    }

    /**
     * Adds selection to the grid if the user may run any bulk action on the record type.
     *
     * @return the bar to place above the grid, or null if the user may run none
     */
    static BulkBar offer(RecordKit kit, Grid<RecordRow> grid, String recordType, String moduleId, String prefix,
            String pluralLabel, List<FieldDefinition> fields, Supplier<RecordQuery> current, LongSupplier matching,
            Runnable refresh) {
        AccessControl access = kit.access();
        boolean edit = access.permitted(moduleId + ".edit") && access.permitted(moduleId + ".bulk-edit");
        boolean delete = access.permitted(moduleId + ".delete") && access.permitted(moduleId + ".bulk-delete");
        List<BulkAction> contributed = kit.bulkActions(recordType);
        if (!edit && !delete && contributed.isEmpty()) {
            return null;
        }
        BulkBar bar = new BulkBar(kit.records(), grid, recordType, prefix, pluralLabel, current, matching, refresh);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addSelectionListener(e -> {
            bar.allMatching = false;
            bar.show();
        });
        if (edit) {
            List<FieldDefinition> editable = fields.stream().filter(f -> kit.settable(recordType, f)).toList();
            bar.action(prefix + "-bulk-update", "Update field", VaadinIcon.EDIT,
                    () -> bar.updateDialog(editable, kit.customFields()));
            bar.action(prefix + "-bulk-assign", "Assign", VaadinIcon.USER_CHECK,
                    () -> bar.assignDialog(access.assignableUsers()));
        }
        if (delete) {
            bar.action(prefix + "-bulk-delete", "Delete", VaadinIcon.TRASH, bar::deleteDialog);
        }
        for (BulkAction action : contributed) {
            bar.action(prefix + "-bulk-" + action.id().replaceAll("[^A-Za-z0-9-]", "-"), action.label(), VaadinIcon.COG_O,
                    () -> bar.contributedDialog(action));
        }
        Button clear = new Button("Clear selection", e -> refresh.run());
        clear.setId(prefix + "-bulk-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        bar.add(clear);
        return bar;
    }

    /** Forgets the selection, after the list changed. */
    void clear() {
        allMatching = false;
        grid.deselectAll();
        show();
    }

    private void action(String id, String label, VaadinIcon icon, Supplier<Dialog> dialog) {
        Button button = new Button(label, new Icon(icon), e -> dialog.get().open());
        button.setId(id);
        add(button);
    }

    private void show() {
        int ticked = grid.getSelectedItems().size();
        setVisible(ticked > 0 || allMatching);
        if (!isVisible()) {
            return;
        }
        long matching = this.matching.getAsLong(); // the list's count, made when it last loaded
        matches = matching > Records.BULK_LIMIT ? String.format("%,d+", Records.BULK_LIMIT)
                : String.format("%,d", matching);
        selected.setText(allMatching ? "All " + matches + " matching " + pluralLabel + " selected"
                : String.format("%,d selected", ticked));
        selectAll.setText("Select all " + matches + " matching");
        selectAll.setVisible(!allMatching && matching > ticked);
    }

    private RecordSelection selection() {
        return allMatching ? RecordSelection.matching(current.get())
                : RecordSelection.of(grid.getSelectedItems().stream().map(RecordRow::id).toList());
    }

    /** @return "selected contacts (3)" or "all matching contacts (1,200)" */
    private String what() {
        return allMatching ? "all matching " + pluralLabel + " (" + matches + ")"
                : "selected " + pluralLabel + String.format(" (%,d)", grid.getSelectedItems().size());
    }

    private Dialog updateDialog(List<FieldDefinition> editable, CustomFields customFields) {
        Select<FieldDefinition> field = new Select<>();
        field.setId("bulk-field");
        field.setLabel("Field");
        field.setItems(editable);
        field.setItemLabelGenerator(FieldDefinition::label);
        Div value = new Div();
        FieldInput[] input = new FieldInput[1];
        field.addValueChangeListener(e -> {
            value.removeAll();
            input[0] = FieldInput.of(e.getValue(), () -> customFields.pickList(recordType, e.getValue().name()), records);
            input[0].component().setId("bulk-value");
            input[0].show().accept(null);
            value.add(input[0].component());
        });
        return dialog("Update a field of " + what(), List.of(field, value), "Update", selection -> {
            if (field.getValue() == null) {
                throw new ValidationException(List.of(new FieldError("field", "Choose the field to update.")));
            }
            return records.updateAll(recordType, selection, field.getValue().name(), input[0].text().get());
        }, "Updated: %,d.");
    }

    private Dialog assignDialog(List<String> users) {
        Select<String> owner = new Select<>();
        owner.setId("bulk-owner");
        owner.setLabel("New owner");
        owner.setItems(users);
        return dialog("Assign " + what(), List.of(owner), "Assign", selection -> {
            if (owner.getValue() == null) {
                throw new ValidationException(List.of(new FieldError("owner", "Choose the new owner.")));
            }
            return records.assign(recordType, selection, owner.getValue());
        }, "Assigned: %,d.");
    }

    private Dialog deleteDialog() {
        Paragraph warning = new Paragraph("Deleted records cannot be brought back; their history stays in the audit "
                + "trail.");
        return dialog("Delete " + what() + "?", List.of(warning), "Delete", selection -> records.delete(recordType,
                selection), "Deleted: %,d.");
    }

    /** Asks for the action's inputs, if it has any, and runs it on the selection. */
    private Dialog contributedDialog(BulkAction action) {
        String[] message = new String[1];
        Map<String, FieldInput> inputs = new LinkedHashMap<>();
        for (FieldDefinition field : action.inputs()) {
            FieldInput input = FieldInput.of(field, List::of, records);
            input.component().setId("bulk-input-" + field.name());
            input.show().accept(null);
            inputs.put(field.name(), input);
        }
        Dialog dialog = dialog(action.label() + ": " + what(), inputs.values().stream()
                .map(i -> (Component) i.component()).toList(), action.label(), selection -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    inputs.forEach((name, input) -> {
                        if (!input.text().get().isBlank()) {
                            values.put(name, input.text().get());
                        }
                    });
                    List<Long> ids = records.ids(recordType, selection);
                    message[0] = action.run(recordType, ids, values);
                    return ids.size();
                }, null);
        dialog.addDetachListener(e -> {
            if (message[0] != null) {
                Notification.show(message[0], 4000, Notification.Position.BOTTOM_START);
            }
        });
        return dialog;
    }

    /**
     * A confirmation dialog: runs the action on the selection, shows an error in the dialog if it fails,
     * else closes, reports and reloads the list.
     */
    private Dialog dialog(String title, List<Component> body, String confirmText, ToLongFunction<RecordSelection> run,
            String done) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(title);
        Span error = new Span();
        error.setId("bulk-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        VerticalLayout content = new VerticalLayout();
        content.setPadding(false);
        body.forEach(content::add);
        content.add(error);
        dialog.add(content);
        Button confirm = new Button(confirmText, e -> {
            try {
                long count = run.applyAsLong(selection());
                dialog.close();
                if (done != null) {
                    Notification.show(String.format(done, count), 4000, Notification.Position.BOTTOM_START)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                }
                refresh.run();
            } catch (ValidationException ex) {
                List<String> messages = new ArrayList<>();
                ex.errors().forEach(f -> messages.add(f.message()));
                error.setText(String.join(" ", messages));
            } catch (CrmException ex) {
                error.setText(ex.getMessage());
            }
        });
        confirm.setId("bulk-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if ("Delete".equals(confirmText)) {
            confirm.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        Button cancel = new Button("Cancel", e -> dialog.close());
        cancel.setId("bulk-cancel");
        dialog.getFooter().add(cancel, confirm);
        return dialog;
    }
}
