package org.tesseracrm.opportunities.internal.ui;

import java.util.ArrayList;
import java.util.List;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.opportunities.api.Phase;
import org.tesseracrm.opportunities.api.PhaseKind;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * Administration of the opportunity phases: add, rename, reorder, probability, kind, deactivate, delete an
 * unused one. Element ids: {@code phases-grid}, {@code phases-add}, {@code phase-name}, {@code phase-probability},
 * {@code phase-kind}, {@code phase-active}, {@code phase-save}; rows' buttons have the classes
 * {@code phase-edit}, {@code phase-up}, {@code phase-down}, {@code phase-delete}.
 */
public class PhasesView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient OpportunityPhases phases;
    private final Grid<Phase> grid = new Grid<>();

    /** @param phases the phases service, which checks {@code opportunities.configure} */
    public PhasesView(OpportunityPhases phases) {
        this.phases = phases;
        setId("phases-view");
        Button add = new Button("Add phase", e -> edit(null));
        add.setId("phases-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        grid.setId("phases-grid");
        grid.addColumn(p -> p.position() + 1).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(Phase::name).setHeader("Phase").setFlexGrow(2);
        grid.addColumn(p -> p.probability() + " %").setHeader("Win probability").setAutoWidth(true);
        grid.addColumn(p -> switch (p.kind()) {
            case OPEN -> "Open";
            case WON -> "Won";
            case LOST -> "Lost (asks for a reason)";
        }).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(p -> p.active() ? "Active" : "Inactive").setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H2("Opportunity phases"), new Paragraph("Opportunities move through these phases in this order. "
                + "The expected amount of an opportunity is its amount × its phase's win probability; changing a "
                + "probability recomputes the opportunities in the phase. A phase that holds opportunities can only "
                + "be deactivated."), add, grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return "Opportunity phases";
    }

    private HorizontalLayout actions(Phase phase) {
        Button edit = small("Edit", "phase-edit", () -> edit(phase));
        Button up = small("Up", "phase-up", () -> move(phase, -1));
        Button down = small("Down", "phase-down", () -> move(phase, 1));
        Button delete = small("Delete", "phase-delete", () -> {
            phases.delete(phase.id());
            Notification.show("Deleted phase " + phase.name() + ".");
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, up, down, delete);
    }

    private Button small(String text, String className, Runnable action) {
        Button button = new Button(text, e -> {
            try {
                action.run();
                refresh();
            } catch (CrmException ex) {
                Notification.show(ex.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        button.addClassName(className);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void move(Phase phase, int by) {
        List<Long> ids = new ArrayList<>(phases.phases().stream().map(Phase::id).toList());
        int at = ids.indexOf(phase.id());
        int to = Math.max(0, Math.min(ids.size() - 1, at + by));
        ids.remove(at);
        ids.add(to, phase.id());
        phases.reorder(ids);
    }

    /** Opens the dialog for a new phase ({@code null}) or an existing one. */
    private void edit(Phase phase) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(phase == null ? "New phase" : "Phase " + phase.name());
        TextField name = new TextField("Name");
        name.setId("phase-name");
        name.setMaxLength(100);
        IntegerField probability = new IntegerField("Win probability (%)");
        probability.setId("phase-probability");
        probability.setMin(0);
        probability.setMax(100);
        Select<PhaseKind> kind = new Select<>();
        kind.setLabel("Kind");
        kind.setId("phase-kind");
        kind.setItems(PhaseKind.values());
        Checkbox active = new Checkbox("Active");
        active.setId("phase-active");
        name.setValue(phase == null ? "" : phase.name());
        probability.setValue(phase == null ? 50 : phase.probability());
        kind.setValue(phase == null ? PhaseKind.OPEN : phase.kind());
        active.setValue(phase == null || phase.active());
        active.setEnabled(phase != null);
        Button save = new Button("Save", e -> {
            int percent = probability.getValue() == null ? -1 : probability.getValue();
            try {
                if (phase == null) {
                    phases.add(name.getValue(), percent, kind.getValue());
                } else {
                    phases.change(phase.id(), name.getValue(), percent, kind.getValue(), active.getValue());
                }
                dialog.close();
                refresh();
            } catch (ValidationException ex) {
                ex.errors().forEach(error -> {
                    switch (error.field()) {
                        case "name" -> { name.setInvalid(true); name.setErrorMessage(error.message()); }
                        case "probability" -> { probability.setInvalid(true); probability.setErrorMessage(error.message()); }
                        default -> Notification.show(error.message()).addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                });
            }
        });
        save.setId("phase-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(name, probability, kind, active));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void refresh() {
        grid.setItems(phases.phases());
    }
}
