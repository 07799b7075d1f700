package org.tesseracrm.automation.internal.approval.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;

/**
 * An admin page listing what it edits in a grid ({@code <prefix>-grid}), with New ({@code <prefix>-new}) and a
 * click on a row opening the editor, for those who may change them. The approval processes' and blueprints' pages.
 *
 * @param <T> what is listed
 */
public abstract class EditableList<T> extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    /** The list. */
    protected final Grid<T> grid = new Grid<>();
    private final String prefix;

    /**
     * @param prefix the element ids' prefix, e.g. {@code approvals}
     * @param title the page's heading
     * @param intro one paragraph under it
     * @param newLabel the New button's label
     * @param configure whether the user may change what is listed
     */
    protected EditableList(String prefix, String title, String intro, String newLabel, boolean configure) {
        this.prefix = prefix;
        setId(prefix + "-view");
        add(new H2(title), new Paragraph(intro));
        grid.setId(prefix + "-grid");
        if (configure) {
            grid.addItemClickListener(e -> edit(e.getItem()));
            Button add = new Button(newLabel, e -> edit(null));
            add.setId(prefix + "-new");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(add);
        }
        add(grid);
    }

    /** @return what to list, read with the user's rights */
    protected abstract List<T> load();

    /** @param item what to edit; null for a new one */
    protected abstract void edit(T item);

    /** Lists again. */
    protected void refresh() {
        try {
            grid.setItems(load());
        } catch (CrmException e) {
            Toasts.error(e.getMessage());
        }
    }

    /**
     * @param title the editor's title
     * @return an editor dialog {@code <prefix>-editor}
     */
    protected Dialog editor(String title) {
        Dialog dialog = new Dialog();
        dialog.setId(prefix + "-editor");
        dialog.setHeaderTitle(title);
        dialog.setWidth("720px");
        return dialog;
    }

    /**
     * @param id the id after the prefix
     * @param label the label
     * @param value the value
     * @return a full-width text field {@code <prefix>-<id>}
     */
    protected TextField text(String id, String label, String value) {
        TextField field = new TextField(label);
        field.setId(prefix + "-" + id);
        field.setWidthFull();
        field.setValue(value);
        return field;
    }

    /**
     * @param id the id after the prefix
     * @param label the label
     * @param value the value
     * @return a full-width text area {@code <prefix>-<id>}
     */
    protected TextArea area(String id, String label, String value) {
        TextArea area = new TextArea(label);
        area.setId(prefix + "-" + id);
        area.setWidthFull();
        area.setValue(value);
        return area;
    }

    /**
     * @param types the record types
     * @param value the chosen one, null for none
     * @return a choice of record type {@code <prefix>-record-type}
     */
    protected ComboBox<String> recordType(RecordTypes types, String value) {
        ComboBox<String> type = new ComboBox<>("Record type");
        type.setId(prefix + "-record-type");
        type.setItems(types.all().stream().map(RecordType::id).sorted().toList());
        type.setValue(value);
        return type;
    }
}
