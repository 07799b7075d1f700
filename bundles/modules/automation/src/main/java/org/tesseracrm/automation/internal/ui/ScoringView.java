package org.tesseracrm.automation.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tesseracrm.automation.api.ScoringRule;
import org.tesseracrm.automation.api.ScoringRules;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.FieldType;
import org.tesseracrm.kernel.api.record.RecordType;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * Administration → Scoring rules: the score field of a record type (a NUMBER field, or a custom field "Score" made
 * for it), recalculation, and the rules (points when the record meets criteria, or per activity done on it). Ids:
 * {@code scoring-view}, {@code scoring-field-type}, {@code scoring-field}, {@code scoring-field-set},
 * {@code scoring-recalculate}, {@code scoring-fields} (the fields chosen), {@code scoring-grid}, {@code scoring-new},
 * per rule {@code scoring-edit-<id>}, {@code scoring-delete-<id>}; the editor {@code scoring-editor} with
 * {@code scoring-type}, {@code scoring-name}, {@code scoring-basis}, {@code scoring-points}, {@code scoring-cap},
 * {@code scoring-active}, the criteria editor, {@code scoring-save}, {@code scoring-errors}.
 */
public class ScoringView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;
    private static final String CREATE = "";
    private static final String ACTIVITY = "activity";

    private final transient ScoringRules scoring;
    private final transient AutomationServices services;
    private final Grid<ScoringRule> grid = new Grid<>();
    private final Paragraph fields = new Paragraph();

    /**
     * @param scoring the scoring rules
     * @param services record types and fields
     */
    ScoringView(ScoringRules scoring, AutomationServices services) {
        this.scoring = scoring;
        this.services = services;
        setId("scoring-view");
        setSizeFull();
        add(new H2("Scoring rules"), new Paragraph("A record's score is the sum of the points of its type's active "
                + "rules, kept in a number field of the record whenever it or an activity on it changes, so lists, "
                + "filters, boards and workflow rules can use it."));
        Select<String> type = PartsUi.recordTypes("scoring-field-type", services);
        Select<String> field = new Select<>();
        field.setId("scoring-field");
        field.setLabel("Score field");
        field.setItemLabelGenerator(f -> f.equals(CREATE) ? "(create a field Score)" : f);
        type.addValueChangeListener(e -> {
            List<String> numbers = new ArrayList<>(List.of(CREATE));
            services.fields(e.getValue()).stream().filter(f -> f.type() == FieldType.NUMBER)
                    .map(FieldDefinition::name).forEach(numbers::add);
            field.setItems(numbers);
            field.setValue(CREATE);
        });
        Paragraph errors = PartsUi.errors("scoring-field-errors");
        Button set = new Button("Use this field", e -> PartsUi.attempt(errors, () -> {
            scoring.setScoreField(type.getValue(), Optional.ofNullable(field.getValue()).filter(f -> !f.isEmpty()));
            refresh();
        }));
        set.setId("scoring-field-set");
        Button recalculate = new Button("Recalculate", VaadinIcon.REFRESH.create(), e -> PartsUi.attempt(errors,
                () -> PartsUi.notify(scoring.recalculate(type.getValue()) + " scores changed")));
        recalculate.setId("scoring-recalculate");
        HorizontalLayout fieldRow = new HorizontalLayout(type, field, set, recalculate);
        fieldRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        fields.setId("scoring-fields");
        Button create = new Button("New scoring rule", VaadinIcon.PLUS.create(), e -> edit(Optional.empty()));
        create.setId("scoring-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(fieldRow, errors, fields, create);
        grid.setId("scoring-grid");
        grid.addColumn(r -> services.typeLabel(r.recordType())).setHeader("Record type").setAutoWidth(true);
        grid.addColumn(ScoringRule::name).setHeader("Name").setFlexGrow(1);
        grid.addColumn(r -> (r.points() > 0 ? "+" : "") + r.points() + (r.basis() == ScoringRule.Basis.FIELDS ? ""
                : " per activity done (at most " + r.cap() + ")")).setHeader("Points").setAutoWidth(true);
        grid.addColumn(r -> r.active() ? "Active" : "Off").setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(r -> new HorizontalLayout(
                PartsUi.button("Edit", VaadinIcon.EDIT, "scoring-edit-" + r.id(), () -> edit(Optional.of(r))),
                PartsUi.delete("scoring", r.id(), "the rule " + r.name(),
                        () -> scoring.delete(r.id()), this::refresh)))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return "Scoring rules";
    }

    private void refresh() {
        try {
            List<String> chosen = scoring.scoreFields().entrySet().stream()
                    .map(e -> services.typeLabel(e.getKey()) + ": " + e.getValue()).toList();
            fields.setText("Score fields: " + PartsUi.names(chosen));
            grid.setItems(scoring.rules());
        } catch (CrmException e) {
            PartsUi.notify(e.getMessage());
        }
    }

    private void edit(Optional<ScoringRule> existing) {
        Dialog dialog = PartsUi.dialog("scoring-editor",
                existing.map(r -> "Scoring rule " + r.name()).orElse("New scoring rule"));
        Select<String> type = PartsUi.recordTypes("scoring-type", services);
        TextField name = new TextField("Name");
        name.setId("scoring-name");
        Select<ScoringRule.Basis> basis = new Select<>();
        basis.setId("scoring-basis");
        basis.setLabel("Points for");
        basis.setItems(ScoringRule.Basis.values());
        basis.setItemLabelGenerator(b -> b == ScoringRule.Basis.FIELDS ? "The record meeting the conditions"
                : "Each activity done on the record meeting the conditions");
        IntegerField points = new IntegerField("Points");
        points.setId("scoring-points");
        IntegerField cap = new IntegerField("At most (activities)");
        cap.setId("scoring-cap");
        Checkbox active = new Checkbox("Active", true);
        active.setId("scoring-active");
        VerticalLayout criteriaSlot = new VerticalLayout();
        criteriaSlot.setPadding(false);
        CriteriaEditor[] criteria = new CriteriaEditor[1];
        Runnable conditions = () -> {
            criteriaSlot.removeAll();
            String on = basis.getValue() == ScoringRule.Basis.ACTIVITIES_DONE ? ACTIVITY : type.getValue();
            cap.setVisible(basis.getValue() == ScoringRule.Basis.ACTIVITIES_DONE);
            if (on == null) {
                criteria[0] = null;
                return;
            }
            Criteria held = existing.filter(r -> r.basis() == basis.getValue()).map(ScoringRule::criteria)
                    .orElse(Criteria.none());
            criteria[0] = new CriteriaEditor(held, services.fields(on), f -> services.pickList(on, f));
            criteriaSlot.add(criteria[0]);
        };
        type.addValueChangeListener(e -> conditions.run());
        basis.addValueChangeListener(e -> conditions.run());
        existing.ifPresentOrElse(r -> {
            type.setValue(r.recordType());
            name.setValue(r.name());
            basis.setValue(r.basis());
            points.setValue(r.points());
            cap.setValue(r.cap());
            active.setValue(r.active());
        }, () -> {
            basis.setValue(ScoringRule.Basis.FIELDS);
            points.setValue(10);
            cap.setValue(10);
        });
        Paragraph errors = PartsUi.errors("scoring-errors");
        Button save = new Button("Save", e -> {
            Optional<Criteria> entered = criteria[0] == null ? Optional.of(Criteria.none()) : criteria[0].criteria();
            if (type.getValue() == null || entered.isEmpty() || points.getValue() == null) {
                errors.setText(type.getValue() == null ? "Choose the record type."
                        : points.getValue() == null ? "Give the points." : "Complete the conditions.");
                return;
            }
            ScoringRule rule = new ScoringRule(existing.map(ScoringRule::id).orElse(0L), type.getValue(),
                    name.getValue(), basis.getValue(), entered.get(), points.getValue(),
                    cap.getValue() == null ? 0 : cap.getValue(), active.getValue());
            if (PartsUi.attempt(errors, () -> scoring.save(rule))) {
                dialog.close();
                refresh();
            }
        });
        save.setId("scoring-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(new HorizontalLayout(type, name), new HorizontalLayout(basis, points, cap,
                active), criteriaSlot, errors));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }
}
