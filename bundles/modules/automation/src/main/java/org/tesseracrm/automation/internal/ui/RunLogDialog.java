package org.tesseracrm.automation.internal.ui;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.tesseracrm.automation.api.RuleRun;
import org.tesseracrm.automation.api.RuleStatus;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/**
 * A rule's run log, newest first: status, the record (a link that opens its form, for a record the administrator may
 * see), the trigger, the rule's version the run used, the depth in a chain of rules, start and end, the message; a
 * row opens to each action's result. Ids: {@code automation-runs-dialog}, {@code automation-runs-grid},
 * {@code automation-runs-refresh}, {@code automation-run-record-<run id>}, {@code automation-run-steps-<run id>}.
 */
class RunLogDialog extends Dialog {
    private static final long serialVersionUID = 1L;
    /** How many runs the dialog lists. */
    static final int LIMIT = 200;

    private final transient AutomationServices services;
    private final transient RuleStatus rule;
    private final Grid<RuleRun> grid = new Grid<>();

    /**
     * @param services the service and the record form
     * @param rule the rule whose runs to show
     */
    RunLogDialog(AutomationServices services, RuleStatus rule) {
        this.services = services;
        this.rule = rule;
        setId("automation-runs-dialog");
        setHeaderTitle("Run log of " + rule.rule().name());
        setWidth("min(1200px, 95vw)");
        setHeight("80vh");
        LocalTimes times = LocalTimes.current();
        grid.setId("automation-runs-grid");
        grid.addComponentColumn(RunLogDialog::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::record).setHeader("Record").setAutoWidth(true);
        grid.addColumn(RuleRun::trigger).setHeader("Trigger").setAutoWidth(true);
        grid.addColumn(r -> "v" + r.ruleVersion()).setHeader("Version").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(RuleRun::depth).setHeader("Depth").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> times.format(r.startedAt())).setHeader("Started").setAutoWidth(true);
        grid.addColumn(r -> r.finishedAt().map(times::format).orElse("")).setHeader("Finished").setAutoWidth(true);
        grid.addColumn(RuleRun::message).setHeader("Message").setFlexGrow(1);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(run -> steps(run, times)));
        grid.setDetailsVisibleOnClick(true);
        grid.setSizeFull();
        add(grid);
        Button refresh = new Button("Refresh", e -> refresh());
        refresh.setId("automation-runs-refresh");
        Button close = new Button("Close", e -> close());
        close.setId("automation-runs-close");
        getFooter().add(refresh, close);
        refresh();
    }

    private void refresh() {
        try {
            grid.setItems(services.automation().runs(rule.rule().id(), LIMIT));
        } catch (CrmException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static Component status(RuleRun run) {
        Span badge = new Span(run.status().name());
        String theme = switch (run.status()) {
            case DONE -> "badge success";
            case FAILED -> "badge error";
            case STOPPED, WAITING -> "badge contrast";
            default -> "badge";
        };
        badge.getElement().getThemeList().add(theme);
        return badge;
    }

    private Component record(RuleRun run) {
        Button link = new Button(services.typeLabel(run.recordType()) + " #" + run.recordId(), e -> {
            try {
                services.kit().form(run.recordType(), run.recordType(), new RecordRow(run.recordId(), 0, Map.of()),
                        () -> { }).open();
            } catch (CrmException ex) {
                Notification.show("You cannot open this record: " + ex.getMessage(), 6000,
                        Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        link.setId("automation-run-record-" + run.id());
        link.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return link;
    }

    private static Component steps(RuleRun run, LocalTimes times) {
        Div box = new Div();
        box.setId("automation-run-steps-" + run.id());
        List<RuleRun.Step> steps = run.steps();
        if (steps.isEmpty()) {
            box.add(new Div("No action has run yet."));
        }
        for (RuleRun.Step s : steps) {
            Instant at = s.at();
            Span outcome = new Span(s.outcome());
            outcome.getElement().getThemeList().add("DONE".equals(s.outcome()) ? "badge success"
                    : "FAILED".equals(s.outcome()) ? "badge error" : "badge contrast");
            Div line = new Div();
            line.add(new Span(s.position() + ". " + s.action() + " "), outcome,
                    new Span(" " + times.format(at) + (s.message().isEmpty() ? "" : " — " + s.message())));
            box.add(line);
        }
        return box;
    }
}
