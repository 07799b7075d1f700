package org.tesseracrm.automation.internal.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.automation.api.Contribution;
import org.tesseracrm.automation.api.RuleStatus;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.automation.Rule;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.automation.TimeSpan;
import org.tesseracrm.kernel.api.record.RecordType;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

/**
 * The dialog that builds or changes a rule: name, record type, trigger and its parameters, criteria, ordered
 * actions (each with its parameters and an optional delay; added, removed, moved up and down) and how often it
 * runs. Saving makes a new version through {@link org.tesseracrm.automation.api.Automation#save}; the service's
 * field errors show next to their inputs (or in a notification naming the part), and a save by someone else since
 * the dialog opened is reported. Ids: {@code automation-rule-dialog}, {@code automation-rule-name},
 * {@code automation-rule-type}, {@code automation-rule-trigger}, {@code automation-trigger-<parameter>},
 * {@code automation-action-<i>} (the action's select), {@code automation-action-<i>-<parameter>},
 * {@code automation-action-<i>-delay} and {@code -delay-unit}, {@code automation-action-<i>-up}, {@code -down},
 * {@code -remove}, {@code automation-action-add}, {@code automation-rule-repeat}, {@code automation-rule-save}.
 */
class RuleEditor extends Dialog {
    private static final long serialVersionUID = 1L;

    private final transient AutomationServices services;
    private final transient Optional<RuleStatus> editing;
    private final transient List<Contribution> triggers;
    private final transient List<Contribution> actionCatalogue;
    private final transient Runnable onSaved;

    private final TextField name = new TextField("Name");
    private final Select<String> type = new Select<>();
    private final Select<String> trigger = new Select<>();
    private final VerticalLayout triggerBox = new VerticalLayout();
    private final VerticalLayout criteriaBox = new VerticalLayout();
    private final VerticalLayout actionsBox = new VerticalLayout();
    private final RadioButtonGroup<Rule.Repeat> repeat = new RadioButtonGroup<>("Runs");
    private ParameterForm triggerForm;
    private CriteriaEditor criteria;
    private final List<Step> steps = new ArrayList<>();
    private transient Map<String, String> triggerValues = new HashMap<>();
    private String pendingTrigger;

    /**
     * @param services the platform and the service
     * @param editing the rule to change, or empty for a new one
     * @param onSaved what to do once saved (refresh the list)
     */
    RuleEditor(AutomationServices services, Optional<RuleStatus> editing, Runnable onSaved) {
        this.services = services;
        this.editing = editing;
        this.onSaved = onSaved;
        this.triggers = services.automation().triggers();
        this.actionCatalogue = services.automation().actions();
        setId("automation-rule-dialog");
        setHeaderTitle(editing.map(r -> "Rule " + r.rule().name() + " (version " + r.rule().version() + ")")
                .orElse("New rule"));
        setWidth("min(1100px, 95vw)");
        Optional<Rule> rule = editing.map(RuleStatus::rule);

        name.setId("automation-rule-name");
        name.setMaxLength(200);
        name.setRequiredIndicatorVisible(true);
        name.setWidthFull();
        name.setValue(rule.map(Rule::name).orElse(""));

        List<RecordType> types = services.recordTypes();
        List<String> typeIds = new ArrayList<>(types.stream().map(RecordType::id).toList());
        rule.map(Rule::recordType).filter(t -> !typeIds.contains(t)).ifPresent(typeIds::add);
        type.setLabel("Record type");
        type.setId("automation-rule-type");
        type.setItems(typeIds);
        type.setItemLabelGenerator(services::typeLabel);

        trigger.setLabel("Trigger");
        trigger.setId("automation-rule-trigger");
        trigger.setItemLabelGenerator(this::triggerLabel);
        triggerBox.setPadding(false);
        criteriaBox.setPadding(false);
        actionsBox.setPadding(false);

        repeat.setId("automation-rule-repeat");
        repeat.setItems(Rule.Repeat.values());
        repeat.setItemLabelGenerator(r -> r == Rule.Repeat.ONCE_PER_RECORD ? "once per record" : "every time");
        repeat.setValue(rule.map(Rule::repeat).orElse(Rule.Repeat.EVERY_TIME));

        rule.ifPresent(r -> {
            triggerValues = new HashMap<>(r.triggerConfig());
            r.actions().forEach(a -> steps.add(new Step(a.action(), a.config(), a.delay())));
        });
        if (steps.isEmpty()) {
            steps.add(new Step("", Map.of(), Optional.empty()));
        }
        type.setValue(rule.map(Rule::recordType).orElse(typeIds.isEmpty() ? null : typeIds.get(0)));
        pendingTrigger = rule.map(Rule::trigger).orElse(null);
        typeChosen(rule.map(Rule::criteria).orElse(Criteria.none()));
        type.addValueChangeListener(e -> {
            keepValues();
            typeChosen(Criteria.none());
        });
        trigger.addValueChangeListener(e -> {
            triggerValues = new HashMap<>();
            showTriggerForm();
        });

        Button addAction = new Button("Add action", VaadinIcon.PLUS.create(), e -> {
            keepValues();
            steps.add(new Step("", Map.of(), Optional.empty()));
            showActions();
        });
        addAction.setId("automation-action-add");
        addAction.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout head = new HorizontalLayout(type, trigger);
        head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        VerticalLayout body = new VerticalLayout(name, head, triggerBox, new H4("Criteria"), criteriaBox,
                new H4("Actions, in order"), actionsBox, addAction, repeat);
        body.setPadding(false);
        add(body);

        Button save = new Button("Save", e -> save());
        save.setId("automation-rule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("automation-rule-cancel");
        getFooter().add(cancel, save);
    }

    private String triggerLabel(String id) {
        return triggers.stream().filter(t -> t.id().equals(id)).findFirst().map(Contribution::label)
                .orElse(id + " (not installed)");
    }

    private String actionLabel(String id) {
        return actionCatalogue.stream().filter(a -> a.id().equals(id)).findFirst().map(Contribution::label)
                .orElse(id.isEmpty() ? "" : id + " (not installed)");
    }

    /** The record type changed (or the dialog opened): triggers, fields, criteria and actions follow it. */
    private void typeChosen(Criteria startWith) {
        String t = type.getValue();
        String current = trigger.getValue() != null ? trigger.getValue() : pendingTrigger;
        pendingTrigger = null;
        List<String> offered = new ArrayList<>(triggers.stream().filter(c -> t != null && AutomationServices
                .appliesTo(c, t)).map(Contribution::id).toList());
        if (current != null && !offered.contains(current) && editing.isPresent()
                && editing.get().rule().trigger().equals(current)) {
            offered.add(current);
        }
        trigger.setItems(offered);
        trigger.setValue(offered.contains(current) ? current : offered.isEmpty() ? null : offered.get(0));
        showTriggerForm();
        criteriaBox.removeAll();
        criteria = new CriteriaEditor(startWith, t == null ? List.of() : services.fields(t),
                field -> services.pickList(t, field));
        criteriaBox.add(criteria);
        showActions();
    }

    private void showTriggerForm() {
        triggerBox.removeAll();
        Optional<Contribution> chosen = triggers.stream().filter(c -> c.id().equals(trigger.getValue())).findFirst();
        triggerForm = new ParameterForm(chosen.map(Contribution::parameters).orElse(List.of()), triggerValues,
                services.choices(type.getValue()), "automation-trigger");
        triggerBox.add(triggerForm);
    }

    /** Keeps what the inputs hold before they are built again. */
    private void keepValues() {
        if (triggerForm != null) {
            triggerValues = new HashMap<>(triggerForm.values());
        }
        steps.forEach(Step::keep);
    }

    private void showActions() {
        actionsBox.removeAll();
        for (int i = 0; i < steps.size(); i++) {
            actionsBox.add(steps.get(i).render(i));
        }
    }

    private void move(int from, int to) {
        keepValues();
        if (to >= 0 && to < steps.size()) {
            steps.add(to, steps.remove(from));
        }
        showActions();
    }

    private void save() {
        keepValues();
        boolean ok = true;
        name.setInvalid(false);
        if (name.getValue().isBlank()) {
            name.setErrorMessage("Give the rule a name.");
            name.setInvalid(true);
            ok = false;
        }
        ok &= triggerForm.validate();
        for (Step step : steps) {
            ok &= step.validate();
        }
        Optional<Criteria> criteriaEntered = criteria.criteria();
        ok &= criteriaEntered.isPresent();
        if (type.getValue() == null || trigger.getValue() == null) {
            notify("Choose a record type and a trigger.");
            ok = false;
        }
        if (!ok) {
            return;
        }
        List<RuleAction> actions = steps.stream().map(Step::action).toList();
        Optional<Rule> rule = editing.map(RuleStatus::rule);
        try {
            RuleStatus saved = services.automation().save(new Rule(rule.map(Rule::id).orElse(0L),
                    rule.map(Rule::version).orElse(1), name.getValue().strip(), type.getValue(), trigger.getValue(),
                    triggerValues, criteriaEntered.get(), actions, repeat.getValue(),
                    rule.map(Rule::active).orElse(true)));
            Notification.show("Saved " + saved.rule().name() + " as version " + saved.rule().version() + ".")
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            close();
            onSaved.run();
        } catch (ValidationException e) {
            showErrors(e);
        } catch (ConflictException e) {
            notify("Someone else saved this rule since you opened it. Close the editor and open the rule again to "
                    + "see their version. " + e.getMessage());
        } catch (CrmException e) {
            notify(e.getMessage());
        }
    }

    private void showErrors(ValidationException e) {
        List<String> elsewhere = new ArrayList<>();
        for (FieldError error : e.errors()) {
            FormValues.Target target = FormValues.target(error.field());
            boolean shown = switch (target.part()) {
                case "name" -> mark(name, error.message());
                case "recordType" -> mark(type, error.message());
                case "trigger" -> target.parameter().isEmpty() ? mark(trigger, error.message())
                        : triggerForm.showError(target.parameter(), error.message());
                case "criteria" -> criteria.showError(target.index(), error.message());
                case "actions" -> target.index() >= 0 && target.index() < steps.size()
                        && steps.get(target.index()).showError(target.parameter(), error.message());
                default -> false;
            };
            if (!shown) {
                elsewhere.add(part(target) + ": " + error.message());
            }
        }
        if (!elsewhere.isEmpty()) {
            notify(String.join(" ", elsewhere));
        }
    }

    private String part(FormValues.Target target) {
        return switch (target.part()) {
            case "actions" -> target.index() >= 0 && target.index() < steps.size()
                    ? "Action " + (target.index() + 1) + " (" + actionLabel(steps.get(target.index()).action) + ")"
                    : "Actions";
            case "criteria" -> target.index() >= 0 ? "Condition " + (target.index() + 1) : "Criteria";
            case "trigger" -> "Trigger";
            case "repeat" -> "Runs";
            case "recordType" -> "Record type";
            case "name" -> "Name";
            default -> "Rule";
        };
    }

    private static boolean mark(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        return true;
    }

    private static void notify(String message) {
        Notification.show(message, 8000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** One action of the rule being edited, with the inputs it shows now. */
    private final class Step {
        private String action;
        private Map<String, String> config;
        private Optional<TimeSpan> delay;
        private Select<String> select;
        private ParameterForm form;
        private IntegerField delayAmount;
        private Select<TimeSpan.Unit> delayUnit;

        Step(String action, Map<String, String> config, Optional<TimeSpan> delay) {
            this.action = action;
            this.config = new LinkedHashMap<>(config);
            this.delay = delay;
        }

        VerticalLayout render(int index) {
            String id = "automation-action-" + index;
            String t = type.getValue();
            List<String> offered = new ArrayList<>(actionCatalogue.stream()
                    .filter(c -> t != null && AutomationServices.appliesTo(c, t)).map(Contribution::id).toList());
            if (!action.isEmpty() && !offered.contains(action)) {
                offered.add(action);
            }
            select = new Select<>();
            select.setLabel((index + 1) + ". Action");
            select.setId(id);
            select.setItems(offered);
            select.setItemLabelGenerator(RuleEditor.this::actionLabel);
            if (!action.isEmpty()) {
                select.setValue(action);
            }
            select.addValueChangeListener(e -> {
                keepValues();
                action = e.getValue() == null ? "" : e.getValue();
                config = new LinkedHashMap<>();
                showActions();
            });
            delayAmount = new IntegerField("Delay");
            delayAmount.setId(id + "-delay");
            delayAmount.setMin(0);
            delayAmount.setPlaceholder("at once");
            delay.ifPresent(d -> delayAmount.setValue(d.amount()));
            delayUnit = new Select<>();
            delayUnit.setLabel("Unit");
            delayUnit.setId(id + "-delay-unit");
            delayUnit.setItems(TimeSpan.Unit.values());
            delayUnit.setItemLabelGenerator(TimeSpan.Unit::text);
            delayUnit.setValue(delay.map(TimeSpan::unit).orElse(TimeSpan.Unit.MINUTES));
            Button up = icon(VaadinIcon.ARROW_UP, "Move up", id + "-up", () -> move(index, index - 1));
            up.setEnabled(index > 0);
            Button down = icon(VaadinIcon.ARROW_DOWN, "Move down", id + "-down", () -> move(index, index + 1));
            down.setEnabled(index < steps.size() - 1);
            Button remove = icon(VaadinIcon.TRASH, "Remove action", id + "-remove", () -> {
                keepValues();
                steps.remove(this);
                showActions();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
            remove.setEnabled(steps.size() > 1);
            HorizontalLayout head = new HorizontalLayout(select, delayAmount, delayUnit, up, down, remove);
            head.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            Optional<Contribution> chosen = actionCatalogue.stream().filter(c -> c.id().equals(action)).findFirst();
            form = new ParameterForm(chosen.map(Contribution::parameters).orElse(List.of()), config,
                    services.choices(t), id);
            VerticalLayout box = new VerticalLayout(head, form);
            if (!action.isEmpty() && chosen.isEmpty()) {
                Span missing = new Span("This action's bundle is not installed: the rule is suspended until it is "
                        + "back.");
                missing.getElement().getThemeList().add("badge error");
                box.add(missing);
            }
            box.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)")
                    .set("border-radius", "var(--lumo-border-radius-m)");
            return box;
        }

        private Button icon(VaadinIcon icon, String label, String id, Runnable click) {
            Button button = new Button(icon.create(), e -> click.run());
            button.setId(id);
            button.setAriaLabel(label);
            button.setTooltipText(label);
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            return button;
        }

        void keep() {
            if (form != null) {
                config = new LinkedHashMap<>(form.values());
            }
            if (delayAmount != null) {
                delay = FormValues.timeSpan(FormValues.timeSpan(delayAmount.getValue(), delayUnit.getValue()));
            }
        }

        boolean validate() {
            if (select != null) {
                select.setInvalid(false);
            }
            if (action.isEmpty()) {
                if (select != null) {
                    mark(select, "Choose the action.");
                }
                return false;
            }
            if (delayAmount != null && delayAmount.isInvalid()) {
                return false;
            }
            return form == null || form.validate();
        }

        boolean showError(String parameter, String message) {
            if (parameter.isEmpty()) {
                return select != null && mark(select, message);
            }
            if (parameter.equals("delay")) {
                return delayAmount != null && mark(delayAmount, message);
            }
            return form != null && form.showError(parameter, message);
        }

        RuleAction action() {
            return new RuleAction(action, config, delay);
        }
    }
}
