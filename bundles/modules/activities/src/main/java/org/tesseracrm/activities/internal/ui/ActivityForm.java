package org.tesseracrm.activities.internal.ui;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import org.tesseracrm.activities.internal.ActivitiesModule;
import org.tesseracrm.activities.internal.service.Activity;
import org.tesseracrm.activities.internal.service.ActivityService;
import org.tesseracrm.activities.internal.service.Kind;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.ui.kit.FieldErrors;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/**
 * The form of one activity: kind, subject, due (a meeting's start and end), reminder, participants
 * found across all record types after three typed characters, a video meeting's link with its Join
 * button, location or priority as the kind needs, description. Messages about a field show next to it.
 *
 * <p>Element ids: {@code activity-form}, {@code activity-kind}, {@code -subject}, {@code -due},
 * {@code -end}, {@code -location}, {@code -priority}, {@code -remind}, {@code -participants},
 * {@code -link}, {@code -description}, {@code -save}, {@code -join}, {@code -complete}, {@code -delete}.
 */
public class ActivityForm extends Dialog {
    private static final long serialVersionUID = 1L;
    /** Reminder choices, in minutes before the activity is due. */
    private static final Map<String, Long> REMIND_BEFORE = remindChoices();
    private static final String NO_REMINDER = "No reminder";
    private static final String CUSTOM = "At a time I choose";

    private final transient ActivityService activities;
    private final transient Runnable onChange;
    private final Activity existing;
    private final String recordType;
    private final long recordId;
    private final Select<Kind> kind = new Select<>();
    private final TextField subject = new TextField("Subject *");
    private final DateTimePicker due = new DateTimePicker("Due / starts *");
    private final DateTimePicker end = new DateTimePicker("Ends");
    private final TextField location = new TextField("Location");
    private final Select<String> priority = new Select<>();
    private final Select<String> remind = new Select<>();
    private final DateTimePicker remindAt = new DateTimePicker("Reminder time");
    private final MultiSelectComboBox<RecordRef> participants = new MultiSelectComboBox<>("Participants");
    private final TextField link = new TextField("Meeting link (Teams or Zoom)");
    private final TextArea description = new TextArea("Description");

    /**
     * @param activities schedules and changes activities
     * @param access hides what the user may not do
     * @param activity the activity to edit, or null for a new one
     * @param recordType for a new one: the type of the record it belongs to
     * @param recordId for a new one: that record
     * @param initial for a new one: the kind to start with
     * @param onChange run after a save, completion, join or delete
     */
    public ActivityForm(ActivityService activities, AccessControl access, Activity activity, String recordType, long recordId,
            Kind initial, Runnable onChange) {
        this.activities = activities;
        this.onChange = onChange;
        this.existing = activity;
        this.recordType = activity == null ? recordType : activity.relatedType();
        this.recordId = activity == null ? recordId : activity.relatedId();
        setId("activity-form");
        setWidth("min(48em, 95vw)");
        setHeaderTitle(activity == null ? "New activity" : activity.kind().label() + ": " + activity.subject());

        kind.setLabel("Kind");
        kind.setId("activity-kind");
        kind.setItems(Kind.values());
        kind.setItemLabelGenerator(Kind::label);
        kind.addValueChangeListener(e -> showFor(e.getValue()));
        subject.setId("activity-subject");
        subject.setMaxLength(200);
        due.setId("activity-due");
        due.setStep(java.time.Duration.ofMinutes(15));
        end.setId("activity-end");
        end.setStep(java.time.Duration.ofMinutes(15));
        location.setId("activity-location");
        priority.setLabel("Priority");
        priority.setId("activity-priority");
        priority.setItems("high", "medium", "low");
        remind.setLabel("Remind me");
        remind.setId("activity-remind");
        remind.setItems(REMIND_BEFORE.keySet());
        remind.addValueChangeListener(e -> remindAt.setVisible(CUSTOM.equals(e.getValue())));
        remindAt.setId("activity-remind-at");
        participants.setId("activity-participants");
        participants.setHelperText("Type at least " + ActivityService.PARTICIPANT_MIN_CHARS
                + " characters to find contacts, companies and other records.");
        participants.setItemLabelGenerator(RecordRef::title);
        participants.setItems(query -> activities.participantsMatching(query.getFilter().orElse("")).stream()
                .skip(query.getOffset()).limit(query.getLimit()));
        link.setId("activity-link");
        link.setPlaceholder("https://teams.microsoft.com/... or https://zoom.us/j/...");
        description.setId("activity-description");
        description.setMaxLength(4000);

        FormLayout form = new FormLayout(kind, subject, due, end, remind, remindAt, location, priority, link, participants,
                description);
        form.setColspan(description, 2);
        form.setColspan(participants, 2);
        add(form);

        if (activity == null) {
            kind.setValue(initial);
            // The next quarter hour of the user's clock: a time users rarely need to change for "call them today".
            LocalDateTime now = LocalDateTime.now(LocalTimes.zone());
            LocalDateTime next = now.truncatedTo(ChronoUnit.HOURS);
            while (!next.isAfter(now)) {
                next = next.plusMinutes(15);
            }
            due.setValue(next);
            remind.setValue(NO_REMINDER);
            priority.setValue("medium");
        } else {
            show(activity);
        }
        boolean mayWrite = access.permitted(activity == null ? ActivitiesModule.CREATE : ActivitiesModule.EDIT);
        Button save = new Button("Save", e -> save());
        save.setId("activity-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setVisible(mayWrite && (activity == null || !activity.done()));
        getFooter().add(new Button("Close", e -> close()), save);
        if (activity != null && !activity.done() && access.permitted(ActivitiesModule.EDIT)) {
            Button complete = new Button("Complete", e -> act(() -> activities.complete(activity.id()), "Completed."));
            complete.setId("activity-complete");
            getFooter().addComponentAsFirst(complete);
            if (activity.kind().video()) {
                Button join = new Button("Join", e -> {
                    close();
                    ActivityCells.join(activities, activity.id(), onChange);
                });
                join.setId("activity-join");
                join.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
                getFooter().addComponentAsFirst(join);
            }
        }
        if (activity != null && access.permitted(ActivitiesModule.DELETE)) {
            Button delete = new Button("Delete", e -> act(() -> {
                activities.delete(activity.id());
                return null;
            }, "Deleted."));
            delete.setId("activity-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            getFooter().addComponentAsFirst(delete);
        }
    }

    private void show(Activity activity) {
        kind.setValue(activity.kind());
        subject.setValue(activity.subject());
        due.setValue(LocalTimes.local(activity.dueAt()));
        activity.endAt().map(LocalTimes::local).ifPresent(end::setValue);
        location.setValue(activity.location());
        priority.setValue(activity.priority().isEmpty() ? null : activity.priority());
        remind.setValue(activity.remindAt().isPresent() ? CUSTOM : NO_REMINDER);
        activity.remindAt().map(LocalTimes::local).ifPresent(remindAt::setValue);
        link.setValue(activity.meetingLink());
        description.setValue(activity.description());
        List<RecordRef> taking = activities.participants(activity.id());
        participants.setItems(taking);
        participants.setValue(taking);
        // Searching again for more participants replaces the items shown with what matches.
        participants.setItems(query -> {
            String typed = query.getFilter().orElse("");
            List<RecordRef> found = typed.isBlank() ? taking : activities.participantsMatching(typed);
            return found.stream().skip(query.getOffset()).limit(query.getLimit());
        });
    }

    private void showFor(Kind chosen) {
        boolean meeting = chosen != null && chosen.meeting();
        end.setVisible(meeting);
        location.setVisible(chosen == Kind.MEETING);
        priority.setVisible(chosen == Kind.TASK);
        link.setVisible(chosen != null && chosen.video());
        remindAt.setVisible(CUSTOM.equals(remind.getValue()));
    }

    private void save() {
        Map<String, HasValidation> fields = fields();
        FieldErrors.clear(fields);
        // Typed at the edge: the pickers' local times become UTC here; an empty field is null.
        Kind chosen = kind.getValue();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("kind", chosen == null ? null : chosen.id());
        values.put("subject", blankToNull(subject.getValue()));
        values.put("dueAt", utc(due.getValue()));
        values.put("endAt", end.isVisible() ? utc(end.getValue()) : null);
        values.put("location", location.isVisible() ? blankToNull(location.getValue()) : null);
        values.put("priority", priority.isVisible() ? priority.getValue() : null);
        values.put("meetingLink", link.isVisible() ? blankToNull(link.getValue()) : null);
        values.put("description", blankToNull(description.getValue()));
        values.put("remindAt", reminder().map(LocalTimes::utc).orElse(null));
        try {
            Activity saved = existing == null
                    ? activities.schedule(recordType, recordId, typed(values), List.copyOf(participants.getValue()))
                    : activities.change(existing.id(), existing.version(), changed(values),
                            List.copyOf(participants.getValue()));
            close();
            onChange.run();
            Notification.show("Saved " + saved.kind().label().toLowerCase(java.util.Locale.ROOT) + " \"" + saved.subject()
                    + "\".").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (ValidationException e) {
            FieldErrors.show(e, fields);
        }
    }

    /** @return the fields the user changed, so the history shows only those */
    private RecordValues changed(Map<String, Object> values) {
        Map<String, Object> before = new HashMap<>();
        before.put("kind", existing.kind().id());
        before.put("subject", blankToNull(existing.subject()));
        // to the minute, as the pickers show times (a snoozed reminder has seconds)
        before.put("dueAt", existing.dueAt().truncatedTo(ChronoUnit.MINUTES));
        before.put("endAt", existing.endAt().map(t -> t.truncatedTo(ChronoUnit.MINUTES)).orElse(null));
        before.put("location", blankToNull(existing.location()));
        before.put("priority", blankToNull(existing.priority()));
        before.put("meetingLink", blankToNull(existing.meetingLink()));
        before.put("description", blankToNull(existing.description()));
        before.put("remindAt", existing.remindAt().map(t -> t.truncatedTo(ChronoUnit.MINUTES)).orElse(null));
        RecordValues.Builder changed = RecordValues.builder();
        values.forEach((name, value) -> {
            if (!Objects.equals(value, before.get(name))) {
                changed.setValue(name, value);
            }
        });
        return changed.build();
    }

    private static RecordValues typed(Map<String, Object> values) {
        RecordValues.Builder typed = RecordValues.builder();
        values.forEach(typed::setValue);
        return typed.build();
    }

    /** @return the local time of a picker in UTC, to the minute the picker shows, or null */
    private static LocalDateTime utc(LocalDateTime local) {
        return local == null ? null : LocalTimes.utc(local.truncatedTo(ChronoUnit.MINUTES));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** @return the reminder time the user chose, local */
    private Optional<LocalDateTime> reminder() {
        String choice = remind.getValue();
        if (choice == null || NO_REMINDER.equals(choice)) {
            return Optional.empty();
        }
        if (CUSTOM.equals(choice)) {
            return Optional.ofNullable(remindAt.getValue());
        }
        return Optional.ofNullable(due.getValue()).map(d -> d.minusMinutes(REMIND_BEFORE.get(choice)));
    }

    private Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("kind", kind);
        fields.put("subject", subject);
        fields.put("dueAt", due);
        fields.put("endAt", end);
        fields.put("location", location);
        fields.put("priority", priority);
        fields.put("remindAt", remindAt.isVisible() ? remindAt : remind);
        fields.put("meetingLink", link);
        fields.put("participants", participants);
        fields.put("description", description);
        return fields;
    }

    private void act(java.util.function.Supplier<Object> action, String done) {
        try {
            action.get();
            close();
            onChange.run();
            Notification.show(done).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (CrmException e) {
            Span error = new Span(e.getMessage());
            error.getStyle().set("color", "var(--lumo-error-text-color)");
            add(error);
        }
    }

    private static Map<String, Long> remindChoices() {
        Map<String, Long> choices = new LinkedHashMap<>();
        choices.put(NO_REMINDER, 0L);
        choices.put("At the due time", 0L);
        choices.put("5 minutes before", 5L);
        choices.put("15 minutes before", 15L);
        choices.put("1 hour before", 60L);
        choices.put("1 day before", 1440L);
        choices.put(CUSTOM, 0L);
        return choices;
    }
}
