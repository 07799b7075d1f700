package org.tesseracrm.cases.internal.sla.ui;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.tesseracrm.cases.internal.sla.BusinessCalendar;
import org.tesseracrm.cases.internal.sla.EscalationRule;
import org.tesseracrm.cases.internal.sla.Resolution;
import org.tesseracrm.cases.internal.sla.SlaCalendar;
import org.tesseracrm.cases.internal.sla.SlaService;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * Administration of the cases' SLA: business calendars (hours per weekday, several spans and overnight spans,
 * holidays, time zone, at-risk share), resolution times per priority, the calendar of each case type, escalation
 * rules, and a button that runs the sweep now. Element ids: {@code sla-calendars-grid}, {@code sla-calendar-name},
 * {@code sla-calendar-zone}, {@code sla-hours-mon} ... {@code sla-hours-sun}, {@code sla-holidays},
 * {@code sla-calendar-save}, {@code sla-priority}, {@code sla-resolution}, {@code sla-resolution-save},
 * {@code sla-type}, {@code sla-type-calendar}, {@code sla-type-save}, {@code sla-rules-grid}, {@code sla-rule-save},
 * {@code sla-sweep}, {@code sla-recomputes} (the changes whose cases are still being worked out again). Every change
 * goes through {@link SlaService}, which checks {@code cases.configure}.
 */
public class SlaSettingsView extends VerticalLayout implements HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final transient SlaService sla;
    private final Grid<SlaCalendar> calendars = new Grid<>();
    private final Grid<Map.Entry<String, Resolution>> resolutions = new Grid<>();
    private final Grid<EscalationRule> rules = new Grid<>();
    private final Grid<Map.Entry<String, String>> typeCalendars = new Grid<>();
    private final ComboBox<SlaCalendar> typeCalendar = new ComboBox<>("Calendar");
    private final Paragraph recomputes = new Paragraph();
    private transient SlaCalendar editing;
    private transient EscalationRule editingRule;

    /** @param sla the SLA settings */
    public SlaSettingsView(SlaService sla) {
        this.sla = sla;
        setId("case-sla-view");
        add(new H2("Case SLA and escalation"));
        recomputes.setId("sla-recomputes");
        add(recomputes);
        calendarSection();
        resolutionSection();
        ruleSection();
        refresh();
    }

    @Override
    public String getPageTitle() {
        return "Case SLA and escalation";
    }

    private void calendarSection() {
        TextField name = new TextField("Name");
        name.setId("sla-calendar-name");
        name.setMaxLength(100);
        ComboBox<String> zone = new ComboBox<>("Time zone");
        zone.setId("sla-calendar-zone");
        zone.setItems(ZoneId.getAvailableZoneIds().stream().sorted().toList());
        zone.setValue("UTC");
        IntegerField atRisk = new IntegerField("At risk after (% of the SLA)");
        atRisk.setMin(1);
        atRisk.setMax(99);
        atRisk.setValue(75);
        Map<DayOfWeek, TextField> hours = new EnumMap<>(DayOfWeek.class);
        FormLayout form = new FormLayout(name, zone, atRisk);
        for (DayOfWeek day : DayOfWeek.values()) {
            TextField field = new TextField(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            field.setId("sla-hours-" + day.name().substring(0, 3).toLowerCase(Locale.ROOT));
            field.setPlaceholder("closed");
            field.setHelperText(day == DayOfWeek.MONDAY ? "e.g. 09:00-13:00, 14:00-18:00; 22:00-06:00 runs overnight"
                    : null);
            hours.put(day, field);
            form.add(field);
        }
        TextArea holidays = new TextArea("Holidays");
        holidays.setId("sla-holidays");
        holidays.setPlaceholder("2026-12-08 Immaculate Conception");
        holidays.setHelperText("One a line: the date (yyyy-mm-dd) and a name");
        form.add(holidays, 2);
        Button save = new Button("Save calendar", e -> {
            try {
                Map<DayOfWeek, List<BusinessCalendar.Span>> week = new EnumMap<>(DayOfWeek.class);
                hours.forEach((day, field) -> week.put(day, BusinessCalendar.parseHours(field.getValue())));
                Map<LocalDate, String> days = holidays(holidays.getValue());
                String zoneId = zone.getValue() == null ? "UTC" : zone.getValue();
                BusinessCalendar calendar = new BusinessCalendar(name.getValue().trim(), ZoneId.of(zoneId), week,
                        days.keySet());
                SlaCalendar saved = sla.saveCalendar(new SlaCalendar(editing == null ? 0 : editing.id(), calendar,
                        days, atRisk.getValue() == null ? 75 : atRisk.getValue()));
                Notification.show("Saved " + saved.name() + ": open cases counting in it have new due times.");
                editing = saved;
                refresh();
            } catch (IllegalArgumentException | DateTimeParseException ex) {
                error(ex.getMessage());
            } catch (CrmException ex) {
                error(message(ex));
            }
        });
        save.setId("sla-calendar-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button fresh = new Button("New calendar", e -> {
            editing = null;
            name.clear();
            hours.values().forEach(TextField::clear);
            holidays.clear();
        });
        Button delete = new Button("Delete calendar", e -> {
            if (editing != null) {
                try {
                    sla.deleteCalendar(editing.id());
                    editing = null;
                    refresh();
                } catch (CrmException ex) {
                    error(message(ex));
                }
            }
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        calendars.setId("sla-calendars-grid");
        calendars.addColumn(SlaCalendar::name).setHeader("Calendar").setAutoWidth(true);
        calendars.addColumn(c -> c.calendar().zone().getId()).setHeader("Time zone").setAutoWidth(true);
        calendars.addColumn(c -> summary(c.calendar())).setHeader("Hours");
        calendars.addColumn(c -> c.holidayNames().size()).setHeader("Holidays").setAutoWidth(true);
        calendars.addItemClickListener(e -> {
            editing = e.getItem();
            name.setValue(editing.name());
            zone.setValue(editing.calendar().zone().getId());
            atRisk.setValue(editing.atRiskPercent());
            hours.forEach((day, field) -> field.setValue(editing.calendar().hoursText(day)));
            List<String> lines = new ArrayList<>();
            editing.holidayNames().forEach((d, n) -> lines.add((d + " " + n).trim()));
            holidays.setValue(String.join("\n", lines));
        });
        calendars.setAllRowsVisible(true);
        add(new H3("Business calendars"), new Paragraph("The SLA clock counts only the business hours of the case's "
                + "calendar: the calendar of its type, else Default. Click a calendar to change it."), calendars, form,
                new HorizontalLayout(save, fresh, delete));
    }

    private void resolutionSection() {
        TextField priority = new TextField("Priority");
        priority.setId("sla-priority");
        TextField time = new TextField("Resolution time");
        time.setId("sla-resolution");
        time.setPlaceholder("40m, 8h, 2d or none");
        Button save = new Button("Save time", e -> {
            try {
                String text = time.getValue().trim();
                sla.setResolution(priority.getValue(), text.isEmpty() || text.equalsIgnoreCase("none")
                        ? Optional.empty() : Optional.of(Resolution.parse(text)));
                Notification.show("Due times of " + priority.getValue() + " cases are worked out again.");
                refresh();
            } catch (IllegalArgumentException ex) {
                error(ex.getMessage());
            } catch (CrmException ex) {
                error(message(ex));
            }
        });
        save.setId("sla-resolution-save");
        resolutions.setId("sla-resolutions-grid");
        resolutions.addColumn(Map.Entry::getKey).setHeader("Priority").setAutoWidth(true);
        resolutions.addColumn(e -> e.getValue().toString()).setHeader("Resolution time (business)").setAutoWidth(true);
        resolutions.addItemClickListener(e -> {
            priority.setValue(e.getItem().getKey());
            time.setValue(e.getItem().getValue().toString());
        });
        resolutions.setAllRowsVisible(true);
        HorizontalLayout row = new HorizontalLayout(priority, time, save);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        TextField type = new TextField("Case type");
        type.setId("sla-type");
        typeCalendar.setId("sla-type-calendar");
        typeCalendar.setItemLabelGenerator(SlaCalendar::name);
        Button saveType = new Button("Save type's calendar", e -> {
            try {
                SlaCalendar chosen = typeCalendar.getValue();
                sla.setTypeCalendar(type.getValue(), chosen == null || chosen.isDefault() ? Optional.empty()
                        : Optional.of(chosen.id()));
                refresh();
            } catch (CrmException ex) {
                error(message(ex));
            }
        });
        saveType.setId("sla-type-save");
        typeCalendars.setId("sla-type-calendars-grid");
        typeCalendars.addColumn(Map.Entry::getKey).setHeader("Case type").setAutoWidth(true);
        typeCalendars.addColumn(Map.Entry::getValue).setHeader("Calendar").setAutoWidth(true);
        typeCalendars.setAllRowsVisible(true);
        HorizontalLayout typeRow = new HorizontalLayout(type, typeCalendar, saveType);
        typeRow.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H3("Resolution times"), new Paragraph("The business time a case of each priority has, e.g. Urgent "
                + "40m. A day (d) is the calendar's average open day. A priority without a time has no SLA."),
                resolutions, row, new H3("Calendars of case types"), typeCalendars, typeRow);
    }

    private void ruleSection() {
        IntegerField position = new IntegerField("Position");
        position.setValue(100);
        TextField type = new TextField("Case type");
        type.setPlaceholder("any");
        TextField priority = new TextField("Priority");
        priority.setPlaceholder("any");
        ComboBox<EscalationRule.Trigger> trigger = new ComboBox<>("When");
        trigger.setItems(EscalationRule.Trigger.values());
        trigger.setItemLabelGenerator(t -> t == EscalationRule.Trigger.PERCENT_OF_SLA ? "% of the SLA used"
                : "minutes past due");
        trigger.setValue(EscalationRule.Trigger.MINUTES_PAST_DUE);
        IntegerField amount = new IntegerField("Amount");
        amount.setValue(0);
        IntegerField repeat = new IntegerField("Minutes to the next level");
        repeat.setValue(60);
        IntegerField levels = new IntegerField("Up to level");
        levels.setValue(1);
        levels.setMin(1);
        levels.setMax(EscalationRule.MAX_LEVEL);
        Button save = new Button("Save rule", e -> {
            try {
                editingRule = sla.saveRule(new EscalationRule(editingRule == null ? 0 : editingRule.id(),
                        value(position), Optional.of(type.getValue()), Optional.of(priority.getValue()),
                        trigger.getValue() == null ? EscalationRule.Trigger.MINUTES_PAST_DUE : trigger.getValue(),
                        value(amount), value(repeat), value(levels)));
                refresh();
            } catch (IllegalArgumentException ex) {
                error(ex.getMessage());
            } catch (CrmException ex) {
                error(message(ex));
            }
        });
        save.setId("sla-rule-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button fresh = new Button("New rule", e -> editingRule = null);
        Button delete = new Button("Delete rule", e -> {
            if (editingRule != null) {
                try {
                    sla.deleteRule(editingRule.id());
                    editingRule = null;
                    refresh();
                } catch (CrmException ex) {
                    error(message(ex));
                }
            }
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button sweep = new Button("Run the sweep now", e -> {
            try {
                Notification.show(sla.sweepNow() + " cases escalated.");
            } catch (CrmException ex) {
                error(message(ex));
            }
        });
        sweep.setId("sla-sweep");
        rules.setId("sla-rules-grid");
        rules.addColumn(EscalationRule::position).setHeader("Position").setAutoWidth(true);
        rules.addColumn(EscalationRule::describe).setHeader("Rule");
        rules.addItemClickListener(e -> {
            editingRule = e.getItem();
            position.setValue(editingRule.position());
            type.setValue(editingRule.caseType().orElse(""));
            priority.setValue(editingRule.priority().orElse(""));
            trigger.setValue(editingRule.trigger());
            amount.setValue(editingRule.amount());
            repeat.setValue(editingRule.repeatMinutes());
            levels.setValue(editingRule.maxLevel());
        });
        rules.setAllRowsVisible(true);
        add(new H3("Escalation rules"), new Paragraph("A late case goes to the users of the role above its "
                + "responsible's in the role tree (level 1), then one role further up each time, with an in-app "
                + "notification and a line in its history. The first rule (by position) matching the case's type "
                + "and priority applies."), rules, new FormLayout(position, type, priority, trigger, amount, repeat,
                levels), new HorizontalLayout(save, fresh, delete, sweep));
    }

    private void refresh() {
        List<SlaCalendar> all = sla.calendars();
        calendars.setItems(all);
        typeCalendar.setItems(all);
        resolutions.setItems(new ArrayList<>(sla.resolutions().entrySet()));
        Map<String, String> types = new LinkedHashMap<>();
        sla.typeCalendars().forEach((t, id) -> types.put(t, all.stream().filter(c -> c.id() == id)
                .map(SlaCalendar::name).findFirst().orElse("?")));
        typeCalendars.setItems(new ArrayList<>(types.entrySet()));
        rules.setItems(sla.rules());
        List<String> pending = sla.recomputes().stream().map(p -> p.scope() + " (" + p.done() + " cases done)")
                .toList();
        recomputes.setText(pending.isEmpty() ? "" : "Due times are being worked out again in the background for: "
                + String.join(", ", pending) + ". Reload to follow.");
        recomputes.setVisible(!pending.isEmpty());
    }

    static Map<LocalDate, String> holidays(String text) {
        Map<LocalDate, String> days = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String t = line.trim();
            if (!t.isEmpty()) {
                String[] parts = t.split("\\s+", 2);
                days.put(LocalDate.parse(parts[0]), parts.length > 1 ? parts[1] : "");
            }
        }
        return days;
    }

    private static String summary(BusinessCalendar calendar) {
        List<String> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            String hours = calendar.hoursText(day);
            if (!hours.isEmpty()) {
                days.add(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + hours);
            }
        }
        return String.join("; ", days);
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    private static String message(CrmException ex) {
        return ex instanceof ValidationException v && !v.errors().isEmpty() ? v.errors().get(0).message()
                : ex.getMessage();
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
