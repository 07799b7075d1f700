package org.tesseracrm.activities.internal.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.activities.internal.ActivitiesModule;
import org.tesseracrm.activities.internal.service.ActivityRecordType;
import org.tesseracrm.activities.internal.service.ActivityService;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.RecordPanel;

/** Adds the activities panel to the form of every record type but activities themselves. */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class,
        property = {RecordType.ID + "=" + RecordType.ALL, RecordPanel.ORDER + ":Integer=10"})
public class ActivitiesPanelContribution implements RecordPanel {
    private final ActivityService activities;
    private final AccessControl access;

    /**
     * @param activities the panel's data
     * @param access hides the panel from users without {@code activities.view}
     */
    @Activate
    public ActivitiesPanelContribution(@Reference ActivityService activities, @Reference AccessControl access) {
        this.activities = activities;
        this.access = access;
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        if (recordType.equals(ActivityRecordType.ID) || !access.permitted(ActivitiesModule.VIEW)) {
            return Optional.empty();
        }
        return Optional.of(new ActivitiesPanel(activities, access, recordType, recordId));
    }
}
