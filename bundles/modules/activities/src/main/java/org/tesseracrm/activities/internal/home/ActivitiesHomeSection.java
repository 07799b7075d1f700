package org.tesseracrm.activities.internal.home;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.activities.internal.ActivitiesModule;
import org.tesseracrm.activities.internal.service.Activity;
import org.tesseracrm.activities.internal.service.ActivityService;
import org.tesseracrm.activities.internal.ui.ActivityForm;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.HomeSection;
import org.tesseracrm.kernel.ui.kit.AsyncLoader;
import org.tesseracrm.kernel.ui.kit.AsyncPanel;
import org.tesseracrm.kernel.ui.kit.LocalTimes;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/**
 * The Home page's "My day" section: the signed-in user's own open activities due today and those overdue
 * (counted, then listed by due time with the activities' due flag, overdue in its red), and the reminders that
 * come up today. A row opens the activity; its record's name opens the record's form.
 *
 * <p>Element ids: {@code home-activities}, {@code home-activities-count}, {@code home-reminders}; rows have the
 * class {@code home-activity-row} (and {@code home-activity-overdue} when overdue).
 */
@org.osgi.service.component.annotations.Component(service = HomeSection.class, property = {
    HomeSection.ORDER + ":Integer=10", HomeSection.PERMISSION + "=" + ActivitiesModule.VIEW})
public class ActivitiesHomeSection implements HomeSection {
    private final ActivityService activities;
    private final AccessControl access;
    private final RecordKit kit;
    private final AsyncLoader loader;

    /**
     * @param activities the user's activities and reminders
     * @param access what the activity form offers
     * @param kit opens the record an activity belongs to
     * @param loader reads off the UI thread
     */
    @Activate
    public ActivitiesHomeSection(@Reference ActivityService activities, @Reference AccessControl access,
            @Reference RecordKit kit, @Reference AsyncLoader loader) {
        this.activities = activities;
        this.access = access;
        this.kit = kit;
        this.loader = loader;
    }

    @Override
    public String title() {
        return "My day";
    }

    /**
     * What the section shows.
     *
     * @param due the user's open activities due by the end of their day, overdue ones first
     * @param reminders their reminders coming up today
     * @param now when it was read (UTC)
     */
    record Day(List<Activity> due, List<Activity> reminders, LocalDateTime now) {
        long overdue() {
            return due.stream().filter(a -> a.dueAt().isBefore(now)).count();
        }
    }

    @Override
    public Optional<Component> create() {
        // The user's day ends at their midnight: computed here, where their time zone is known.
        LocalTimes times = LocalTimes.current();
        LocalDate today = LocalDate.now(times.settings().zone());
        LocalDateTime endOfDay = LocalDateTime.ofInstant(times.startOf(today.plusDays(1)), ZoneOffset.UTC);
        Div section = new Div();
        section.setId("home-activities");
        AsyncPanel<Day> panel = loader.panel(() -> new Day(activities.openDueBefore(endOfDay),
                activities.remindersUntil(endOfDay), LocalDateTime.now(ZoneOffset.UTC)), day -> show(day, section));
        section.add(panel);
        return Optional.of(section);
    }

    private Component show(Day day, Div section) {
        Div shown = new Div();
        long overdue = day.overdue();
        long today = day.due().size() - overdue;
        Paragraph count = new Paragraph(today + " due today, " + overdue + " overdue");
        count.setId("home-activities-count");
        shown.add(count);
        Runnable refresh = () -> section.getChildren().filter(AsyncPanel.class::isInstance)
                .forEach(c -> ((AsyncPanel<?>) c).reload());
        day.due().forEach(a -> shown.add(row(a, a.dueAt().isBefore(day.now()), refresh)));
        if (!day.reminders().isEmpty()) {
            Div reminders = new Div(new H4("Reminders today"));
            reminders.setId("home-reminders");
            day.reminders().forEach(a -> reminders.add(new Div(new Span(a.remindAt().map(LocalTimes::shown).orElse("")
                    + " · " + a.subject()))));
            shown.add(reminders);
        }
        if (day.due().isEmpty() && day.reminders().isEmpty()) {
            shown.add(new Paragraph("Nothing due today."));
        }
        return shown;
    }

    private Component row(Activity activity, boolean late, Runnable refresh) {
        Span flag = new Span();
        activities.flag(activity.dueAt()).ifPresent(m -> {
            flag.setText(m.text());
            flag.getElement().getThemeList().add("badge small " + m.tone());
        });
        Button subject = new Button(activity.kind().label() + ": " + activity.subject(),
                e -> activities.get(activity.id()).ifPresent(a -> new ActivityForm(activities, access, a, null, 0, null,
                        refresh).open()));
        subject.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        subject.addClassName("home-activity-open");
        Span when = new Span(LocalTimes.shown(activity.dueAt()));
        when.getStyle().set("color", late ? "var(--lumo-error-text-color)" : "var(--lumo-secondary-text-color)")
                .set("font-size", "var(--lumo-font-size-s)");
        Div row = new Div(flag, subject, when);
        if (!activity.relatedType().isEmpty()) {
            Button record = new Button(activity.relatedTitle(), e -> kit.form(activity.relatedType(),
                    activity.relatedType(), new RecordRow(activity.relatedId(), 0, Map.of()), refresh).open());
            record.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            record.addClassName("home-activity-record");
            row.add(record);
        }
        row.addClassName("home-activity-row");
        if (late) {
            row.addClassName("home-activity-overdue");
        }
        row.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-s)")
                .set("align-items", "baseline");
        return row;
    }
}
