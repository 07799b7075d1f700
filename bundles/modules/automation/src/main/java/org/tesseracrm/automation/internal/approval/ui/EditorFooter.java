package org.tesseracrm.automation.internal.approval.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;

import org.tesseracrm.kernel.api.CrmException;

/** The footer of the approval and blueprint editors: Delete (for a saved one), Cancel and Save. */
public final class EditorFooter {
    private EditorFooter() {
    }

    /**
     * @param dialog the editor
     * @param prefix the element ids' prefix, e.g. {@code approvals}: {@code <prefix>-save}, {@code <prefix>-delete}
     * @param what what is edited, for the messages, e.g. "Approval process"
     * @param save saves what was entered; a {@link CrmException} or {@link IllegalArgumentException} is shown
     * @param delete deletes it; null for one not saved yet
     * @param refresh shows the list again after a save or delete
     */
    public static void add(Dialog dialog, String prefix, String what, Runnable save, Runnable delete,
            Runnable refresh) {
        Button saveButton = new Button("Save", e -> run(dialog, save, what + " saved", refresh));
        saveButton.setId(prefix + "-save");
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), saveButton);
        if (delete != null) {
            Button deleteButton = new Button("Delete", e -> run(dialog, delete, what + " deleted", refresh));
            deleteButton.setId(prefix + "-delete");
            deleteButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
            dialog.getFooter().addComponentAsFirst(deleteButton);
        }
    }

    private static void run(Dialog dialog, Runnable work, String done, Runnable refresh) {
        try {
            work.run();
            dialog.close();
            Toasts.done(done);
            refresh.run();
        } catch (CrmException ex) {
            Toasts.error(ex.getMessage());
        } catch (IllegalArgumentException ex) {
            Toasts.error("This does not read: " + ex.getMessage());
        }
    }
}
