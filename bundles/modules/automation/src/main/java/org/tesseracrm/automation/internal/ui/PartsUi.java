package org.tesseracrm.automation.internal.ui;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordType;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;

/**
 * What the screens of assignment rules, scoring rules and schedules share: small buttons with ids, a confirmed
 * delete, and service errors shown as text (field errors one a line, never a stack trace).
 */
final class PartsUi {
    private PartsUi() {
    }

    /** @return a small button with the id */
    static Button button(String label, VaadinIcon icon, String id, Runnable action) {
        Button button = new Button(label, icon.create(), e -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    /** @return the Delete button of a row ({@code <prefix>-delete-<id>}), confirmed, then the list read again */
    static Button delete(String prefix, long id, String what, Runnable delete, Runnable refresh) {
        return button("Delete", VaadinIcon.TRASH, prefix + "-delete-" + id, () -> confirmDelete(prefix, what, () -> {
            delete.run();
            refresh.run();
        }));
    }

    /** Fills the grid, or says why not. */
    static <T> void load(Grid<T> grid, Supplier<List<T>> items) {
        try {
            grid.setItems(items.get());
        } catch (CrmException e) {
            notify(e.getMessage());
        }
    }

    /** @return an editor dialog */
    static Dialog dialog(String id, String title) {
        Dialog dialog = new Dialog();
        dialog.setId(id);
        dialog.setHeaderTitle(title);
        dialog.setWidth("860px");
        return dialog;
    }

    /** @return a select of the record types the caller sees */
    static Select<String> recordTypes(String id, AutomationServices services) {
        Select<String> type = new Select<>();
        type.setId(id);
        type.setLabel("Record type");
        type.setItems(services.recordTypes().stream().map(RecordType::id).toList());
        type.setItemLabelGenerator(services::typeLabel);
        return type;
    }

    /** Asks before deleting ({@code <prefix>-delete-confirm}). */
    static void confirmDelete(String prefix, String what, Runnable delete) {
        ConfirmDialog confirm = new ConfirmDialog("Delete " + what + "?", "This cannot be undone.", "Delete",
                e -> delete.run());
        confirm.setId(prefix + "-delete-confirm");
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /**
     * Runs the work, showing what the service refused in {@code errors} (field errors) or as a notification.
     *
     * @return whether it went through
     */
    static boolean attempt(Paragraph errors, Runnable work) {
        errors.setText("");
        try {
            work.run();
            return true;
        } catch (ValidationException e) {
            errors.setText(e.errors().stream().map(f -> (f.field().isEmpty() ? "" : f.field() + ": ") + f.message())
                    .collect(Collectors.joining("\n")));
            return false;
        } catch (CrmException e) {
            notify(e.getMessage());
            return false;
        }
    }

    /** Shows a message at the bottom. */
    static void notify(String message) {
        Notification.show(message, 6000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
    }

    /** @return a paragraph for errors, red, keeping line breaks */
    static Paragraph errors(String id) {
        Paragraph errors = new Paragraph();
        errors.setId(id);
        errors.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-line");
        return errors;
    }

    /** @return the names in order, or a dash */
    static String names(List<String> names) {
        return names.isEmpty() ? "-" : String.join(", ", names);
    }
}
