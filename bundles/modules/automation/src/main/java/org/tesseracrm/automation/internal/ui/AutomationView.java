package org.tesseracrm.automation.internal.ui;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.api.Contribution;
import org.tesseracrm.automation.api.RuleStatus;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * Administration → Automation: the workflow rules with their record type, trigger, state (active, switched off, or
 * suspended with the missing triggers and actions as a badge), version and who saved it when; New, Edit, switch on
 * and off, Run log and Delete (confirmed). Changes need {@code automation.configure}; without it the buttons are not
 * shown (the service refuses anyway). Ids: {@code automation-view}, {@code automation-rules-grid},
 * {@code automation-rule-new}, and per rule {@code automation-rule-edit-<id>}, {@code automation-rule-toggle-<id>},
 * {@code automation-rule-runs-<id>}, {@code automation-rule-delete-<id>}, {@code automation-rule-state-<id>},
 * {@code automation-delete-confirm}.
 */
public class AutomationView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient AutomationServices services;
    private final Grid<RuleStatus> grid = new Grid<>();
    private transient Map<String, String> triggerLabels = Map.of();

    /** @param services the service and the platform lookups */
    AutomationView(AutomationServices services) {
        this.services = services;
        setId("automation-view");
        setSizeFull();
        boolean configure = services.access().permitted(Automation.CONFIGURE);
        add(new H2("Automation"), new Paragraph("Workflow rules: when their trigger happens to a record of their type "
                + "and the record meets their criteria, their actions run in order. Every save is a new version; a "
                + "rule whose trigger or action is not installed is suspended until it is back."));
        Button create = new Button("New rule", VaadinIcon.PLUS.create(), e -> edit(Optional.empty()));
        create.setId("automation-rule-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.setVisible(configure);
        add(create);

        LocalTimes times = LocalTimes.current();
        grid.setId("automation-rules-grid");
        grid.addColumn(r -> r.rule().name()).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(r -> services.typeLabel(r.rule().recordType())).setHeader("Record type").setAutoWidth(true);
        grid.addColumn(r -> triggerLabels.getOrDefault(r.rule().trigger(), r.rule().trigger())).setHeader("Trigger")
                .setAutoWidth(true);
        grid.addComponentColumn(AutomationView::state).setHeader("State").setAutoWidth(true);
        grid.addColumn(r -> r.rule().version()).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RuleStatus::savedBy).setHeader("Saved by").setAutoWidth(true);
        grid.addColumn(r -> times.format(r.savedAt())).setHeader("Saved at").setAutoWidth(true);
        grid.addComponentColumn(r -> buttons(r, configure)).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return "Automation";
    }

    /** Reads the rules and the trigger labels again. */
    void refresh() {
        try {
            triggerLabels = services.automation().triggers().stream()
                    .collect(Collectors.toMap(Contribution::id, Contribution::label, (a, b) -> a));
            grid.setItems(services.automation().rules());
        } catch (CrmException e) {
            error(e.getMessage());
        }
    }

    static Component state(RuleStatus rule) {
        HorizontalLayout box = new HorizontalLayout();
        box.setSpacing(true);
        Span state = new Span(switch (rule.state()) {
            case ACTIVE -> "Active";
            case INACTIVE -> "Off";
            case SUSPENDED -> "Suspended";
        });
        state.setId("automation-rule-state-" + rule.rule().id());
        state.getElement().getThemeList().add(switch (rule.state()) {
            case ACTIVE -> "badge success";
            case INACTIVE -> "badge contrast";
            case SUSPENDED -> "badge error";
        });
        box.add(state);
        if (!rule.missing().isEmpty()) {
            Span missing = new Span("missing: " + String.join(", ", rule.missing()));
            missing.setId("automation-rule-missing-" + rule.rule().id());
            missing.getElement().getThemeList().add("badge error small");
            missing.setTitle("Install the bundles contributing these triggers or actions to resume the rule.");
            box.add(missing);
        }
        return box;
    }

    private Component buttons(RuleStatus rule, boolean configure) {
        long id = rule.rule().id();
        HorizontalLayout row = new HorizontalLayout();
        Button runs = small("Run log", "automation-rule-runs-" + id, () -> new RunLogDialog(services, rule).open());
        row.add(runs);
        if (configure) {
            row.add(small("Edit", "automation-rule-edit-" + id, () -> edit(Optional.of(rule))));
            boolean on = rule.rule().active();
            row.add(small(on ? "Switch off" : "Switch on", "automation-rule-toggle-" + id, () -> {
                try {
                    RuleStatus now = services.automation().setActive(id, !on);
                    Notification.show(now.rule().name() + (now.rule().active() ? " is switched on." : " is switched "
                            + "off.")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                } catch (CrmException e) {
                    error(e.getMessage());
                }
                refresh();
            }));
            Button delete = small("Delete", "automation-rule-delete-" + id, () -> confirmDelete(rule));
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            row.add(delete);
        }
        return row;
    }

    private void edit(Optional<RuleStatus> rule) {
        try {
            Optional<RuleStatus> current = rule.map(r -> services.automation().rule(r.rule().id()));
            new RuleEditor(services, current, this::refresh).open();
        } catch (CrmException e) {
            error(e.getMessage());
            refresh();
        }
    }

    private void confirmDelete(RuleStatus rule) {
        Dialog confirm = new Dialog();
        confirm.setId("automation-delete-dialog");
        confirm.setHeaderTitle("Delete rule " + rule.rule().name() + "?");
        confirm.add(new Paragraph("Its versions, its run log and its delayed actions still due are deleted too. To "
                + "stop it for now, switch it off instead."));
        Button delete = new Button("Delete", e -> {
            try {
                services.automation().delete(rule.rule().id());
                Notification.show("Deleted " + rule.rule().name() + ".");
            } catch (CrmException ex) {
                error(ex.getMessage());
            }
            confirm.close();
            refresh();
        });
        delete.setId("automation-delete-confirm");
        delete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        Button cancel = new Button("Cancel", e -> confirm.close());
        cancel.setId("automation-delete-cancel");
        confirm.getFooter().add(cancel, delete);
        confirm.open();
    }

    private static Button small(String label, String id, Runnable click) {
        Button button = new Button(label, e -> click.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
