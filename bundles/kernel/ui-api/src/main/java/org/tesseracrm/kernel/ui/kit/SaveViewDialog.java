package org.tesseracrm.kernel.ui.kit;

import java.util.Map;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.SavedView;
import org.tesseracrm.kernel.api.record.SavedViews;

/** Names the list as it is now and saves it as a view. Ids: {@code view-name}, {@code view-shared}, {@code view-save}. */
class SaveViewDialog extends Dialog {
    private static final long serialVersionUID = 1L;

    /**
     * @param views the service
     * @param mayShare whether to offer "share with everyone"
     * @param chosen the view the list shows now, to propose its name; null for none
     * @param now the list as it is now
     * @param saved receives the saved view
     */
    SaveViewDialog(SavedViews views, boolean mayShare, SavedView chosen, SavedView now, Consumer<SavedView> saved) {
        setHeaderTitle("Save view");
        TextField name = new TextField("Name");
        name.setId("view-name");
        name.setRequired(true);
        name.setMaxLength(60);
        name.setValue(chosen == null ? "" : chosen.name());
        Checkbox shared = new Checkbox("Share with everyone who sees this list");
        shared.setId("view-shared");
        shared.setVisible(mayShare);
        shared.setValue(chosen != null && chosen.shared());
        add(new VerticalLayout(name, shared));
        Button save = new Button("Save", e -> {
            try {
                saved.accept(views.save(new SavedView(now.recordType(), name.getValue(), "", shared.getValue(),
                        now.text(), now.filters(), now.sort(), now.columns())));
                close();
            } catch (ValidationException problem) {
                FieldErrors.show(problem, Map.of("name", name));
                if (!"name".equals(problem.errors().get(0).field())) {
                    name.setInvalid(true);
                    name.setErrorMessage(problem.errors().get(0).message());
                }
            }
        });
        save.setId("view-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
