package org.tesseracrm.activities.internal.ui;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;

import org.tesseracrm.activities.internal.ActivitiesModule;
import org.tesseracrm.activities.internal.service.Activity;
import org.tesseracrm.activities.internal.service.ActivityRecordType;
import org.tesseracrm.activities.internal.service.ActivityService;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.RecordList;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/**
 * My activities (R-ACT-4): the open (or done) activities of the user and of the users sharing a group
 * with them, with due flags, the record each belongs to, a click-to-call link to its phone number, and
 * Complete and Join buttons; a click opens the activity to edit or reschedule it. A third tab is the
 * record platform's list of every activity the user sees, with its filters, columns and export.
 *
 * <p>Element ids: {@code my-activities-tabs}, {@code my-activities-grid}; rows' elements have the
 * classes {@code my-activity-record}, {@code my-activity-call}, {@code activity-row-complete} and
 * {@code activity-row-join}; the list's ids start with {@code activities-list-}.
 */
public class MyActivitiesView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final transient ActivityService activities;
    private final transient AccessControl access;
    private final transient RecordKit kit;
    private final Grid<Activity> grid = new Grid<>();
    private final Tab open = new Tab("Open");
    private final Tab done = new Tab("Done");
    private final Tab all = new Tab("All activities");
    private final Map<String, Optional<String>> phones = new HashMap<>();
    private RecordList list;

    /**
     * @param activities the user's activities
     * @param access hides what the user may not do
     * @param kit the list of all activities, and the forms of the records they belong to
     */
    public MyActivitiesView(ActivityService activities, AccessControl access, RecordKit kit) {
        this.activities = activities;
        this.access = access;
        this.kit = kit;
        setSizeFull();
        Tabs tabs = new Tabs(open, done, all);
        tabs.setId("my-activities-tabs");
        tabs.addSelectedChangeListener(e -> show(e.getSelectedTab()));

        grid.setId("my-activities-grid");
        grid.addComponentColumn(a -> ActivityCells.flag(activities, a)).setHeader("").setWidth("8rem").setFlexGrow(0);
        grid.addColumn(a -> a.kind().label()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(Activity::subject).setHeader("Subject").setFlexGrow(2);
        grid.addColumn(a -> LocalTimes.shown(a.dueAt())).setHeader("Due / starts").setAutoWidth(true);
        grid.addComponentColumn(this::record).setHeader("Record").setFlexGrow(1);
        grid.addComponentColumn(this::call).setHeader("Phone").setAutoWidth(true);
        grid.addColumn(Activity::owner).setHeader("Owner").setAutoWidth(true);
        grid.addComponentColumn(a -> ActivityCells.actions(activities, access, a, this::refresh)).setHeader("").setAutoWidth(true);
        grid.addItemClickListener(e -> new ActivityForm(activities, access, e.getItem(), null, 0, null, this::refresh).open());
        grid.setSizeFull();
        add(new H2("My activities"), tabs, grid);
        refresh();
    }

    private void show(Tab tab) {
        boolean listTab = tab == all;
        grid.setVisible(!listTab);
        if (listTab && list == null) {
            list = kit.list(ActivityRecordType.ID, ActivitiesModule.ID, "activities-list", "activities");
            list.onOpen(row -> activities.get(row.id()).ifPresent(a -> new ActivityForm(activities, access, a, null, 0,
                    null, list::refresh).open()));
            add(list);
        }
        if (list != null) {
            list.setVisible(listTab);
        }
        if (!listTab) {
            refresh();
        }
    }

    private void refresh() {
        phones.clear();
        grid.setItems(activities.mine(done.isSelected()));
    }

    private Component record(Activity activity) {
        if (activity.relatedType().isEmpty()) {
            return new Span();
        }
        Button open = new Button(activity.relatedTitle(), e -> kit.form(activity.relatedType(), activity.relatedType(),
                new RecordRow(activity.relatedId(), 0, Map.of()), this::refresh).open());
        open.addClassName("my-activity-record");
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return open;
    }

    /** A tel: link to the record's phone number: the browser hands it to the user's phone app. */
    private Component call(Activity activity) {
        if (activity.relatedType().isEmpty()) {
            return new Span();
        }
        Optional<String> phone = phones.computeIfAbsent(activity.relatedType() + ":" + activity.relatedId(),
                k -> activities.phoneOf(activity.relatedType(), activity.relatedId()));
        return phone.<Component>map(number -> {
            Anchor link = new Anchor("tel:" + number.replaceAll("[^+0-9]", ""), number);
            link.addClassName("my-activity-call");
            return link;
        }).orElseGet(Span::new);
    }
}
