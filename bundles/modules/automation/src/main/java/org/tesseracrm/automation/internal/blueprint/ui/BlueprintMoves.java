package org.tesseracrm.automation.internal.blueprint.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.automation.api.Blueprints;
import org.tesseracrm.automation.api.Transition;
import org.tesseracrm.automation.internal.approval.ui.Toasts;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.ui.kit.FormPart;
import org.tesseracrm.kernel.ui.kit.RecordForm;

/**
 * The blueprint moves on a record's form: one button per move the user may make now
 * ({@code <form>-blueprint-<n>}, labelled with the move's name); a move with required fields asks for them first in
 * a dialog ({@code blueprints-dialog}, inputs {@code blueprints-field-<field>}, {@code blueprints-confirm}).
 */
class BlueprintMoves extends Div implements FormPart {
    private static final long serialVersionUID = 1L;

    private final transient Blueprints blueprints;
    private final String recordType;
    private final transient List<Transition> moves;

    BlueprintMoves(Blueprints blueprints, String recordType, List<Transition> moves) {
        this.blueprints = blueprints;
        this.recordType = recordType;
        this.moves = moves;
        setVisible(false);
    }

    @Override
    public void attach(RecordForm form) {
        RecordRow row = form.record().orElse(null);
        if (row == null) {
            return;
        }
        for (int i = 0; i < moves.size(); i++) {
            Transition move = moves.get(i);
            Button button = new Button(move.name(), new Icon(VaadinIcon.ARROW_FORWARD), e -> {
                if (move.requiredFields().isEmpty()) {
                    run(form, row, move, Map.of(), null);
                } else {
                    ask(form, row, move);
                }
            });
            button.setId(form.idPrefix() + "-blueprint-" + i);
            button.getElement().setAttribute("title", "Move to " + move.to());
            button.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
            form.addAction(button);
        }
    }

    private void ask(RecordForm form, RecordRow row, Transition move) {
        Dialog dialog = new Dialog();
        dialog.setId("blueprints-dialog");
        dialog.setHeaderTitle(move.name() + ": to " + move.to());
        Map<String, TextField> inputs = new LinkedHashMap<>();
        VerticalLayout body = new VerticalLayout();
        for (String field : move.requiredFields()) {
            TextField input = new TextField(field);
            input.setId("blueprints-field-" + field);
            input.setRequired(true);
            input.setValue(row.text(field));
            input.setWidthFull();
            inputs.put(field, input);
            body.add(input);
        }
        dialog.add(body);
        Button confirm = new Button(move.name(), e -> {
            Map<String, String> values = new LinkedHashMap<>();
            inputs.forEach((field, input) -> values.put(field, input.getValue()));
            run(form, row, move, values, dialog);
        });
        confirm.setId("blueprints-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), confirm);
        dialog.open();
    }

    private void run(RecordForm form, RecordRow row, Transition move, Map<String, String> values, Dialog dialog) {
        try {
            blueprints.move(recordType, row.id(), row.version(), move.name(), values);
            if (dialog != null) {
                dialog.close();
            }
            form.closeChanged();
            Toasts.done(move.name() + ": now " + move.to());
        } catch (CrmException ex) {
            Toasts.error(ex.getMessage());
        }
    }
}
