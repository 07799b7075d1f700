package org.tesseracrm.activities.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.activities.internal.ActivitiesModule;
import org.tesseracrm.activities.internal.service.ActivityService;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;

/** Contributes My activities at {@code /activities}, in the main menu. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "activities", title = "My activities", icon = "vaadin:calendar-clock", order = 5,
        permission = ActivitiesModule.VIEW)
public class MyActivitiesViewContribution implements ViewContribution {
    private final ActivityService activities;
    private final AccessControl access;
    private final RecordKit kit;

    /**
     * @param activities the view's data
     * @param access hides what the user may not do
     * @param kit the list of all activities and the records' forms
     */
    @Activate
    public MyActivitiesViewContribution(@Reference ActivityService activities, @Reference AccessControl access,
            @Reference RecordKit kit) {
        this.activities = activities;
        this.access = access;
        this.kit = kit;
    }

    @Override
    public Class<? extends Component> viewType() {
        return MyActivitiesView.class;
    }

    @Override
    public Component createView() {
        return new MyActivitiesView(activities, access, kit);
    }
}
