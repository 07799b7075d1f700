package org.tesseracrm.automation.internal.ui;

import java.util.List;
import java.util.Optional;

import org.tesseracrm.automation.api.AssignmentRule;
import org.tesseracrm.automation.api.AssignmentRule.Pool;
import org.tesseracrm.automation.api.AssignmentRule.Strategy;
import org.tesseracrm.automation.api.AssignmentRules;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.RoleInfo;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * Administration → Assignment rules: per record type, the rules in their order (first match sets the owner of a new
 * record whose creator left the owner to default), New, Edit, Delete. Ids: {@code assignment-view},
 * {@code assignment-grid}, {@code assignment-new}, per rule {@code assignment-edit-<id>},
 * {@code assignment-delete-<id>}; the editor {@code assignment-editor} with {@code assignment-type},
 * {@code assignment-name}, {@code assignment-position}, {@code assignment-strategy}, {@code assignment-pool},
 * {@code assignment-pool-name}, {@code assignment-active}, the criteria editor, {@code assignment-save},
 * {@code assignment-errors}. The load-balancing "open" filters are set through the REST API or kept as saved.
 */
public class AssignmentView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient AssignmentRules rules;
    private final transient AutomationServices services;
    private final Grid<AssignmentRule> grid = new Grid<>();

    /**
     * @param rules the assignment rules
     * @param services record types, fields, users and groups
     */
    AssignmentView(AssignmentRules rules, AutomationServices services) {
        this.rules = rules;
        this.services = services;
        setId("assignment-view");
        setSizeFull();
        add(new H2("Assignment rules"), new Paragraph("When a record is created (in a form, through the API or by an "
                + "import) and its creator left the owner to default, the first active rule of its type whose "
                + "criteria it meets chooses the owner: a user, the users of a group or role in turn, or the one "
                + "with the fewest records."));
        Button create = new Button("New assignment rule", VaadinIcon.PLUS.create(), e -> edit(Optional.empty()));
        create.setId("assignment-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(create);
        grid.setId("assignment-grid");
        grid.addColumn(r -> services.typeLabel(r.recordType())).setHeader("Record type").setAutoWidth(true);
        grid.addColumn(AssignmentRule::position).setHeader("Order").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AssignmentRule::name).setHeader("Name").setFlexGrow(1);
        grid.addColumn(r -> r.strategy() + " " + r.pool().name().toLowerCase(java.util.Locale.ROOT) + " "
                + r.poolName()).setHeader("Owner").setAutoWidth(true);
        grid.addColumn(r -> r.active() ? "Active" : "Off").setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(r -> new HorizontalLayout(
                PartsUi.button("Edit", VaadinIcon.EDIT, "assignment-edit-" + r.id(), () -> edit(Optional.of(r))),
                PartsUi.delete("assignment", r.id(), "the rule " + r.name(),
                        () -> rules.delete(r.id()), this::refresh)))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return "Assignment rules";
    }

    private void refresh() {
        PartsUi.load(grid, rules::rules);
    }

    private void edit(Optional<AssignmentRule> existing) {
        Dialog dialog = PartsUi.dialog("assignment-editor",
                existing.map(r -> "Assignment rule " + r.name()).orElse("New assignment rule"));
        Select<String> type = PartsUi.recordTypes("assignment-type", services);
        type.setEnabled(existing.isEmpty());
        TextField name = new TextField("Name");
        name.setId("assignment-name");
        IntegerField position = new IntegerField("Order (1 first; empty: last)");
        position.setId("assignment-position");
        Select<Strategy> strategy = new Select<>();
        strategy.setId("assignment-strategy");
        strategy.setLabel("Owner");
        strategy.setItems(Strategy.values());
        strategy.setItemLabelGenerator(s -> switch (s) {
            case USER -> "Always this user";
            case ROUND_ROBIN -> "In turn (round-robin)";
            case LOAD_BALANCED -> "Fewest records (load-balanced)";
        });
        Select<Pool> pool = new Select<>();
        pool.setId("assignment-pool");
        pool.setLabel("Among");
        pool.setItems(Pool.values());
        ComboBox<String> poolName = new ComboBox<>("User, group or role");
        poolName.setId("assignment-pool-name");
        poolName.setAllowCustomValue(true);
        poolName.addCustomValueSetListener(e -> poolName.setValue(e.getDetail()));
        pool.addValueChangeListener(e -> poolName.setItems(poolNames(e.getValue())));
        Checkbox active = new Checkbox("Active", true);
        active.setId("assignment-active");
        VerticalLayout criteriaSlot = new VerticalLayout();
        criteriaSlot.setPadding(false);
        CriteriaEditor[] criteria = new CriteriaEditor[1];
        type.addValueChangeListener(e -> {
            criteriaSlot.removeAll();
            criteria[0] = new CriteriaEditor(existing.map(AssignmentRule::criteria).orElse(Criteria.none()),
                    services.fields(e.getValue()), field -> services.pickList(e.getValue(), field));
            criteriaSlot.add(criteria[0]);
        });
        existing.ifPresentOrElse(r -> {
            type.setValue(r.recordType());
            name.setValue(r.name());
            position.setValue(r.position());
            strategy.setValue(r.strategy());
            pool.setValue(r.pool());
            poolName.setValue(r.poolName());
            active.setValue(r.active());
        }, () -> {
            strategy.setValue(Strategy.ROUND_ROBIN);
            pool.setValue(Pool.GROUP);
        });
        Paragraph errors = PartsUi.errors("assignment-errors");
        Button save = new Button("Save", e -> {
            Optional<Criteria> entered = criteria[0] == null ? Optional.of(Criteria.none()) : criteria[0].criteria();
            if (type.getValue() == null || entered.isEmpty()) {
                errors.setText(type.getValue() == null ? "Choose the record type." : "Complete the conditions.");
                return;
            }
            AssignmentRule rule = new AssignmentRule(existing.map(AssignmentRule::id).orElse(0L), type.getValue(),
                    position.getValue() == null ? 0 : position.getValue(), name.getValue(), entered.get(),
                    strategy.getValue(), pool.getValue(), poolName.getValue() == null ? "" : poolName.getValue(),
                    existing.map(AssignmentRule::open).orElse(List.of()), active.getValue());
            if (PartsUi.attempt(errors, () -> rules.save(rule))) {
                dialog.close();
                refresh();
            }
        });
        save.setId("assignment-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(new HorizontalLayout(type, name, position),
                new HorizontalLayout(strategy, pool, poolName, active), criteriaSlot, errors));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private List<String> poolNames(Pool pool) {
        if (pool == null) {
            return List.of();
        }
        return switch (pool) {
            case USER -> services.users();
            case GROUP -> services.groups();
            case ROLE -> services.security().map(s -> {
                try {
                    return s.roles().stream().map(RoleInfo::name).sorted().toList();
                } catch (CrmException e) {
                    return List.<String>of();
                }
            }).orElse(List.of());
        };
    }
}
