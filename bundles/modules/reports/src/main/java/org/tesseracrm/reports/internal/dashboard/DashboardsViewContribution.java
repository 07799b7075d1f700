package org.tesseracrm.reports.internal.dashboard;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventHandler;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.AsyncLoader;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.reports.api.Reports;

/** Contributes the dashboards at {@code /reports/dashboards}, under Reports, for {@code reports.view}. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "reports/dashboards", title = "Dashboards", icon = "vaadin:dashboard", group = "Reports", order = 2,
        permission = Reports.VIEW)
public class DashboardsViewContribution implements ViewContribution {
    /** The target that picks the module's record-change listener among the event handlers. */
    static final String EVENTS = "(component.name=org.tesseracrm.reports.internal.dashboard.DashboardEvents)";

    private final DashboardScreens screens;

    /**
     * @param dashboards the dashboards, which check every permission
     * @param reports the widgets' reports
     * @param kit the record list dialog of a click-through
     * @param loader reads each widget on its own
     * @param events the module's record-change listener
     * @param access the caller's permissions
     */
    @Activate
    public DashboardsViewContribution(@Reference DashboardService dashboards, @Reference Reports reports,
            @Reference RecordKit kit, @Reference AsyncLoader loader, @Reference(target = EVENTS) EventHandler events,
            @Reference AccessControl access) {
        this.screens = new DashboardScreens(dashboards, reports, kit, loader, (DashboardEvents) events, access);
    }

    @Override
    public Class<? extends Component> viewType() {
        return DashboardsView.class;
    }

    @Override
    public Component createView() {
        return new DashboardsView(screens);
    }
}
