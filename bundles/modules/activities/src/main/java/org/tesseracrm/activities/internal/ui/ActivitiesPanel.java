package org.tesseracrm.activities.internal.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import elemental.json.JsonArray;
import elemental.json.JsonValue;

import org.tesseracrm.activities.internal.ActivitiesModule;
import org.tesseracrm.activities.internal.service.Activity;
import org.tesseracrm.activities.internal.service.ActivityService;
import org.tesseracrm.activities.internal.service.CheckIn;
import org.tesseracrm.activities.internal.service.Kind;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.ui.kit.LocalTimes;

/**
 * The activities section of a record's form: the record's activities (open ones first, with their due
 * flag), buttons to schedule a call, meeting, task or video meeting and to check in on site, and the
 * record's check-ins.
 *
 * <p>Element ids: {@code activities-panel}, {@code activities-grid}, {@code activities-add-<kind>}
 * (e.g. {@code activities-add-video-checkin}), {@code activities-checkin}, {@code activities-checkins};
 * rows' buttons have the classes {@code activity-row-join} and {@code activity-row-complete}.
 */
class ActivitiesPanel extends Details {
    private static final long serialVersionUID = 1L;

    private final transient ActivityService activities;
    private final transient AccessControl access;
    private final String recordType;
    private final long recordId;
    private final Grid<Activity> grid = new Grid<>();
    private final Span checkIns = new Span();

    ActivitiesPanel(ActivityService activities, AccessControl access, String recordType, long recordId) {
        this.activities = activities;
        this.access = access;
        this.recordType = recordType;
        this.recordId = recordId;
        setId("activities-panel");
        setWidthFull();

        HorizontalLayout add = new HorizontalLayout();
        add.getStyle().set("flex-wrap", "wrap");
        if (access.permitted(ActivitiesModule.CREATE)) {
            for (Kind kind : Kind.values()) {
                Button button = new Button(kind.label(), new Icon(VaadinIcon.PLUS), e -> new ActivityForm(activities, access,
                        null, recordType, recordId, kind, this::refresh).open());
                button.setId("activities-add-" + kind.id());
                button.addThemeVariants(ButtonVariant.LUMO_SMALL);
                add.add(button);
            }
            Button checkIn = new Button("Check in here", new Icon(VaadinIcon.MAP_MARKER));
            checkIn.setId("activities-checkin");
            checkIn.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            checkIn.addClickListener(e -> checkInHere(checkIn));
            add.add(checkIn);
        }

        grid.setId("activities-grid");
        grid.addComponentColumn(a -> ActivityCells.flag(activities, a)).setHeader("").setWidth("8rem").setFlexGrow(0);
        grid.addColumn(a -> a.kind().label()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(Activity::subject).setHeader("Subject").setFlexGrow(2);
        grid.addColumn(a -> LocalTimes.shown(a.dueAt())).setHeader("Due / starts").setAutoWidth(true);
        grid.addColumn(Activity::owner).setHeader("Owner").setAutoWidth(true);
        grid.addComponentColumn(a -> ActivityCells.actions(activities, access, a, this::refresh)).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> new ActivityForm(activities, access, e.getItem(), null, 0, null, this::refresh).open());

        checkIns.setId("activities-checkins");
        checkIns.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        VerticalLayout content = new VerticalLayout(add, grid, checkIns);
        content.setPadding(false);
        add(content);
        refresh();
    }

    private void refresh() {
        List<Activity> found = activities.of(recordType, recordId);
        grid.setItems(found);
        long open = found.stream().filter(a -> !a.done()).count();
        setSummaryText("Activities (" + open + " open)");
        setOpened(!found.isEmpty() || isOpened());
        List<CheckIn> visits = activities.checkIns(recordType, recordId);
        checkIns.setText(visits.isEmpty() ? "No check-ins yet." : "Check-ins: " + visits.size() + " (last: "
                + visits.get(0).kind() + ", " + LocalTimes.shown(visits.get(0).at()) + " by " + visits.get(0).username() + ")");
    }

    /** Asks the browser where it is (the user may refuse), then records the visit. */
    private void checkInHere(Button button) {
        button.getElement().executeJs("return new Promise(function (resolve) {"
                + " if (!navigator.geolocation) { resolve(null); return; }"
                + " navigator.geolocation.getCurrentPosition(function (p) { resolve([p.coords.latitude, p.coords.longitude]); },"
                + " function () { resolve(null); }, {timeout: 10000, maximumAge: 60000}); })")
                .then(JsonValue.class, position -> {
                    Double latitude = null;
                    Double longitude = null;
                    if (position instanceof JsonArray coordinates && coordinates.length() == 2) {
                        latitude = coordinates.getNumber(0);
                        longitude = coordinates.getNumber(1);
                    }
                    try {
                        activities.checkIn(recordType, recordId, latitude, longitude);
                        Notification.show(latitude == null ? "Checked in (the browser did not share its position)."
                                : String.format("Checked in at %.5f, %.5f.", latitude, longitude))
                                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                        refresh();
                    } catch (CrmException e) {
                        Notification.show(e.getMessage()).addThemeVariants(NotificationVariant.LUMO_ERROR);
                    }
                });
    }
}
