package org.tesseracrm.automation.internal.ui;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.api.Schedules;
import org.tesseracrm.kernel.api.automation.Action;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.SavedViews;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.SecurityAdmin;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;

import com.vaadin.flow.component.Component;

/** Contributes Administration → Schedules at {@code /admin/automation/schedules}, for automation.configure. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/automation/schedules", title = "Schedules", icon = "vaadin:clock", group = "Administration",
        order = 75, permission = Automation.CONFIGURE)
public class SchedulesViewContribution implements ViewContribution {
    private final Schedules schedules;
    private final SavedViews views;
    private final AutomationServices services;
    private final List<Action> actions = new CopyOnWriteArrayList<>();

    /**
     * @param schedules the schedules, which check the permission
     * @param views saved list views
     * @param types record types
     * @param fields their fields
     * @param access the caller's permissions
     * @param security groups, for action parameters
     * @param kit the record form
     */
    @Activate
    public SchedulesViewContribution(@Reference Schedules schedules, @Reference SavedViews views,
            @Reference RecordTypes types, @Reference CustomFields fields, @Reference AccessControl access,
            @Reference(cardinality = ReferenceCardinality.OPTIONAL) SecurityAdmin security, @Reference RecordKit kit) {
        this.schedules = schedules;
        this.views = views;
        // the workflow rules service is not used by this screen
        this.services = new AutomationServices(null, types, fields, access, Optional.ofNullable(security), kit);
    }

    /** @param action an installed action */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAction(Action action) {
        actions.add(action);
    }

    /** @param action an action going away */
    void removeAction(Action action) {
        actions.remove(action);
    }

    @Override
    public Class<? extends Component> viewType() {
        return SchedulesView.class;
    }

    @Override
    public Component createView() {
        return new SchedulesView(schedules, views, () -> List.copyOf(actions), services);
    }
}
