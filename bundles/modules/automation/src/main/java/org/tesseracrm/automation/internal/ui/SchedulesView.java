package org.tesseracrm.automation.internal.ui;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.tesseracrm.automation.api.Schedule;
import org.tesseracrm.automation.api.ScheduleRun;
import org.tesseracrm.automation.api.Schedules;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.automation.Action;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.automation.RuleAction;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.SavedView;
import org.tesseracrm.kernel.api.record.SavedViews;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
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
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * Administration → Schedules: actions run at a time over the records of a shared saved view. Ids:
 * {@code schedules-view}, {@code schedules-grid}, {@code schedules-new}, per schedule {@code schedules-edit-<id>},
 * {@code schedules-run-<id>}, {@code schedules-runs-<id>}, {@code schedules-delete-<id>}; the editor
 * {@code schedules-editor} with {@code schedules-name}, {@code schedules-type}, {@code schedules-saved-view},
 * {@code schedules-frequency}, {@code schedules-date}, {@code schedules-time}, {@code schedules-day-of-week},
 * {@code schedules-day-of-month}, {@code schedules-zone}, {@code schedules-active}, the conditions (criteria editor,
 * all of them), {@code schedules-action} and its parameters ({@code schedules-param-<name>}), {@code schedules-save},
 * {@code schedules-errors}; the runs dialog {@code schedules-runs-grid}. The screen edits one action; more through
 * the REST API.
 */
public class SchedulesView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient Schedules schedules;
    private final transient SavedViews views;
    private final transient Supplier<List<Action>> actions;
    private final transient AutomationServices services;
    private final Grid<Schedule> grid = new Grid<>();

    /**
     * @param schedules the schedules
     * @param views saved list views
     * @param actions the actions installed now
     * @param services record types and fields
     */
    SchedulesView(Schedules schedules, SavedViews views, Supplier<List<Action>> actions, AutomationServices services) {
        this.schedules = schedules;
        this.views = views;
        this.actions = actions;
        this.services = services;
        setId("schedules-view");
        setSizeFull();
        add(new H2("Schedules"), new Paragraph("Actions run at a time, once, daily, weekly or monthly, for each "
                + "record of a shared saved list view, e.g. every Monday at 08:00 a call for each customer without "
                + "contact in 90 days. Conditions may use relative dates such as today-90days."));
        Button create = new Button("New schedule", VaadinIcon.PLUS.create(), e -> edit(Optional.empty()));
        create.setId("schedules-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(create);
        LocalTimes times = LocalTimes.current();
        grid.setId("schedules-grid");
        grid.addColumn(Schedule::name).setHeader("Name").setFlexGrow(1);
        grid.addColumn(s -> services.typeLabel(s.recordType()) + ": " + s.viewName()).setHeader("View")
                .setAutoWidth(true);
        grid.addColumn(s -> s.frequency() + " " + s.time()).setHeader("When").setAutoWidth(true);
        grid.addColumn(s -> s.nextRun().map(times::format).orElse("-")).setHeader("Next run").setAutoWidth(true);
        grid.addColumn(s -> s.active() ? "Active" : "Off").setHeader("State").setAutoWidth(true);
        grid.addComponentColumn(s -> new HorizontalLayout(
                PartsUi.button("Edit", VaadinIcon.EDIT, "schedules-edit-" + s.id(), () -> edit(Optional.of(s))),
                PartsUi.button("Run now", VaadinIcon.PLAY, "schedules-run-" + s.id(), () -> runNow(s)),
                PartsUi.button("Runs", VaadinIcon.LIST, "schedules-runs-" + s.id(), () -> runs(s)),
                PartsUi.delete("schedules", s.id(), "the schedule " + s.name(),
                        () -> schedules.delete(s.id()), this::refresh)))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        add(grid);
        refresh();
    }

    @Override
    public String getPageTitle() {
        return "Schedules";
    }

    private void refresh() {
        PartsUi.load(grid, schedules::schedules);
    }

    private void runNow(Schedule s) {
        try {
            ScheduleRun run = schedules.runNow(s.id());
            PartsUi.notify(s.name() + ": " + run.records() + " records, " + run.done() + " done, " + run.skipped()
                    + " skipped, " + run.failed() + " failed" + (run.message().isEmpty() ? "" : ". " + run.message()));
        } catch (CrmException e) {
            PartsUi.notify(e.getMessage());
        }
    }

    private void runs(Schedule s) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("Runs of " + s.name());
        dialog.setWidth("900px");
        LocalTimes times = LocalTimes.current();
        Grid<ScheduleRun> runs = new Grid<>();
        runs.setId("schedules-runs-grid");
        runs.addColumn(r -> times.format(r.startedAt())).setHeader("Started").setAutoWidth(true);
        runs.addColumn(ScheduleRun::records).setHeader("Records").setAutoWidth(true);
        runs.addColumn(ScheduleRun::done).setHeader("Done").setAutoWidth(true);
        runs.addColumn(ScheduleRun::skipped).setHeader("Skipped").setAutoWidth(true);
        runs.addColumn(ScheduleRun::failed).setHeader("Failed").setAutoWidth(true);
        runs.addColumn(ScheduleRun::message).setHeader("Message").setFlexGrow(1);
        try {
            runs.setItems(schedules.runs(s.id(), 100));
        } catch (CrmException e) {
            PartsUi.notify(e.getMessage());
        }
        dialog.add(runs);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        dialog.open();
    }

    private void edit(Optional<Schedule> existing) {
        Dialog dialog = PartsUi.dialog("schedules-editor",
                existing.map(s -> "Schedule " + s.name()).orElse("New schedule"));
        TextField name = new TextField("Name");
        name.setId("schedules-name");
        Select<String> type = PartsUi.recordTypes("schedules-type", services);
        Select<SavedView> view = new Select<>();
        view.setId("schedules-saved-view");
        view.setLabel("Shared saved view");
        view.setItemLabelGenerator(v -> v.name() + " (" + v.owner() + ")");
        Select<Schedule.Frequency> frequency = new Select<>();
        frequency.setId("schedules-frequency");
        frequency.setLabel("Runs");
        frequency.setItems(Schedule.Frequency.values());
        DatePicker date = new DatePicker("On");
        date.setId("schedules-date");
        TimePicker time = new TimePicker("At", LocalTime.of(8, 0));
        time.setId("schedules-time");
        Select<DayOfWeek> day = new Select<>();
        day.setId("schedules-day-of-week");
        day.setLabel("Day of the week");
        day.setItems(DayOfWeek.values());
        IntegerField dayOfMonth = new IntegerField("Day of the month");
        dayOfMonth.setId("schedules-day-of-month");
        ComboBox<String> zone = new ComboBox<>("Time zone");
        zone.setId("schedules-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setValue(LocalTimes.zone().getId());
        Checkbox active = new Checkbox("Active", true);
        active.setId("schedules-active");
        frequency.addValueChangeListener(e -> {
            date.setVisible(e.getValue() == Schedule.Frequency.ONCE);
            day.setVisible(e.getValue() == Schedule.Frequency.WEEKLY);
            dayOfMonth.setVisible(e.getValue() == Schedule.Frequency.MONTHLY);
        });
        VerticalLayout conditionsSlot = new VerticalLayout();
        conditionsSlot.setPadding(false);
        CriteriaEditor[] conditions = new CriteriaEditor[1];
        Select<Action> action = new Select<>();
        action.setId("schedules-action");
        action.setLabel("Action for each record");
        action.setItemLabelGenerator(Action::label);
        VerticalLayout parametersSlot = new VerticalLayout();
        parametersSlot.setPadding(false);
        ParameterForm[] parameters = new ParameterForm[1];
        Optional<RuleAction> held = existing.flatMap(s -> s.actions().stream().findFirst());
        type.addValueChangeListener(e -> {
            String t = e.getValue();
            view.setItems(sharedViews(t));
            existing.flatMap(s -> sharedViews(t).stream().filter(v -> v.owner().equals(s.viewOwner())
                    && v.name().equals(s.viewName())).findFirst()).ifPresent(view::setValue);
            conditionsSlot.removeAll();
            conditions[0] = new CriteriaEditor(new Criteria(Criteria.Match.ALL,
                    existing.map(Schedule::conditions).orElse(List.of())), services.fields(t),
                    f -> services.pickList(t, f));
            conditionsSlot.add(conditions[0]);
            action.setItems(actions.get().stream().filter(a -> a.recordTypes().contains(RecordType.ALL)
                    || a.recordTypes().contains(t)).toList());
            held.flatMap(h -> actions.get().stream().filter(a -> a.id().equals(h.action())).findFirst())
                    .ifPresent(action::setValue);
        });
        action.addValueChangeListener(e -> {
            parametersSlot.removeAll();
            if (e.getValue() != null) {
                Map<String, String> values = held.filter(h -> h.action().equals(e.getValue().id()))
                        .map(RuleAction::config).orElse(Map.of());
                parameters[0] = new ParameterForm(e.getValue().parameters(), values, services.choices(type.getValue()),
                        "schedules-param");
                parametersSlot.add(parameters[0]);
            }
        });
        existing.ifPresentOrElse(s -> {
            name.setValue(s.name());
            type.setValue(s.recordType());
            frequency.setValue(s.frequency());
            s.date().ifPresent(date::setValue);
            time.setValue(s.time());
            s.dayOfWeek().ifPresent(day::setValue);
            dayOfMonth.setValue(s.dayOfMonth());
            zone.setValue(s.zone().getId());
            active.setValue(s.active());
        }, () -> {
            frequency.setValue(Schedule.Frequency.WEEKLY);
            day.setValue(DayOfWeek.MONDAY);
        });
        Paragraph errors = PartsUi.errors("schedules-errors");
        Button save = new Button("Save", e -> {
            Optional<Criteria> entered = conditions[0] == null ? Optional.of(Criteria.none())
                    : conditions[0].criteria();
            if (type.getValue() == null || view.getValue() == null || action.getValue() == null
                    || entered.isEmpty() || time.getValue() == null) {
                errors.setText("Choose the record type, a shared view, the time and the action, and complete the "
                        + "conditions.");
                return;
            }
            if (!parameters[0].validate()) {
                return;
            }
            Schedule schedule = new Schedule(existing.map(Schedule::id).orElse(0L), name.getValue(), type.getValue(),
                    view.getValue().owner(), view.getValue().name(), entered.get().conditions(), frequency.getValue(),
                    Optional.ofNullable(date.getValue()), time.getValue(), Optional.ofNullable(day.getValue()),
                    dayOfMonth.getValue() == null ? 0 : dayOfMonth.getValue(),
                    ZoneId.of(zone.getValue() == null ? "UTC" : zone.getValue()),
                    List.of(RuleAction.of(action.getValue().id(), parameters[0].values())), active.getValue(),
                    Optional.empty());
            if (PartsUi.attempt(errors, () -> schedules.save(schedule))) {
                dialog.close();
                refresh();
            }
        });
        save.setId("schedules-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new VerticalLayout(new HorizontalLayout(name, type, view),
                new HorizontalLayout(frequency, date, day, dayOfMonth, time, zone, active),
                new Paragraph("More conditions (all must hold):"), conditionsSlot, action, parametersSlot, errors));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private List<SavedView> sharedViews(String type) {
        if (type == null) {
            return List.of();
        }
        try {
            return views.list(type).stream().filter(SavedView::shared).filter(v -> !v.board()).toList();
        } catch (CrmException e) {
            return List.of();
        }
    }
}
