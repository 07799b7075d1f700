package org.tesseracrm.kernel.ui.kit;

import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.editor.Editor;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.binder.Binder;

import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;

/**
 * Edits a row's simple fields in the grid: the pencil at the end of a row turns its cells into inputs;
 * Save (or Enter) sends only the changed values to {@link Records#update}, which checks them like the
 * form does; problems show on the cells and the row stays open. Escape or Cancel drops the edit.
 *
 * <p>Element ids: {@code <prefix>-edit-<field>} per input, {@code <prefix>-edit-save},
 * {@code <prefix>-edit-cancel}; the pencils have class {@code <prefix>-row-edit}.
 */
final class InlineEditor {
    /** The key of the column holding the pencil. */
    static final String KEY = "_edit";

    private final Editor<RecordRow> editor;
    private final Records records;
    private final String recordType;
    private final Runnable refresh;
    private final Map<String, FieldInput> inputs = new LinkedHashMap<>();
    private final Map<String, String> before = new LinkedHashMap<>();

    InlineEditor(Grid<RecordRow> grid, Records records, CustomFields customFields, String recordType,
            java.util.List<FieldDefinition> fields, java.util.function.Predicate<FieldDefinition> settable, String prefix,
            Runnable refresh) {
        this.records = records;
        this.recordType = recordType;
        this.refresh = refresh;
        this.editor = grid.getEditor();
        editor.setBinder(new Binder<>()); // the inputs are read directly; the service checks the values
        editor.setBuffered(false);
        for (FieldDefinition field : fields) {
            if (!settable.test(field)) {
                continue;
            }
            FieldInput input = FieldInput.of(field, () -> customFields.pickList(recordType, field.name()), records);
            input.component().setId(prefix + "-edit-" + field.name());
            if (input.component() instanceof HasLabel labelled) {
                input.component().getElement().setAttribute("aria-label", field.label());
                labelled.setLabel(null);
            }
            if (input.component() instanceof HasSize sized) {
                sized.setWidthFull();
            }
            Shortcuts.addShortcutListener(input.component(), this::save, Key.ENTER).listenOn(input.component());
            Shortcuts.addShortcutListener(input.component(), editor::cancel, Key.ESCAPE).listenOn(input.component());
            grid.getColumnByKey(field.name()).setEditorComponent(input.component());
            inputs.put(field.name(), input);
        }
        Button save = new Button(new Icon(VaadinIcon.CHECK), e -> save());
        save.setId(prefix + "-edit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
        save.getElement().setAttribute("aria-label", "Save");
        Button cancel = new Button(new Icon(VaadinIcon.CLOSE_SMALL), e -> editor.cancel());
        cancel.setId(prefix + "-edit-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
        cancel.getElement().setAttribute("aria-label", "Cancel");
        Grid.Column<RecordRow> column = grid.addComponentColumn(row -> {
            Button pencil = new Button(new Icon(VaadinIcon.PENCIL), e -> open(row));
            pencil.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            pencil.addClassName(prefix + "-row-edit");
            pencil.getElement().setAttribute("aria-label", "Edit in the list").setAttribute("data-id",
                    String.valueOf(row.id()));
            return pencil;
        }).setKey(KEY).setHeader("").setWidth(ListColumns.EDIT_WIDTH).setFlexGrow(0).setFrozenToEnd(true);
        HorizontalLayout actions = new HorizontalLayout(save, cancel);
        actions.setSpacing(false);
        column.setEditorComponent(actions);
        editor.addCloseListener(e -> FieldErrors.clear(FieldInput.validations(inputs)));
    }

    boolean isOpen() {
        return editor.isOpen();
    }

    private void open(RecordRow row) {
        if (editor.isOpen()) {
            editor.cancel();
        }
        before.clear();
        inputs.forEach((name, input) -> {
            input.show().accept(row.values().get(name));
            before.put(name, input.text().get());
        });
        editor.editItem(row);
        inputs.values().stream().findFirst().ifPresent(input -> input.component().getElement().callJsFunction("focus"));
    }

    private void save() {
        RecordRow row = editor.getItem();
        if (row == null) {
            return;
        }
        RecordValues.Builder entered = RecordValues.builder();
        inputs.forEach((name, input) -> {
            if (!input.text().get().equals(before.get(name))) {
                input.write().accept(entered, name);
            }
        });
        RecordValues changed = entered.build();
        try {
            if (!changed.isEmpty()) {
                records.update(recordType, row.id(), row.version(), changed);
                Notification.show("Saved.", 2000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }
            editor.closeEditor();
            refresh.run();
        } catch (ValidationException e) {
            FieldErrors.show(e, FieldInput.validations(inputs));
            // A cell is narrow: say it whole as well.
            Notification.show(String.join(" ", e.errors().stream().map(f -> f.message()).toList()), 5000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (ConflictException | NotFoundException | PermissionDeniedException e) {
            editor.cancel();
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            refresh.run();
        }
    }
}
