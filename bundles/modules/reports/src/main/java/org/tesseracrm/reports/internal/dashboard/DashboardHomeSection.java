package org.tesseracrm.reports.internal.dashboard;

import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventHandler;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.HomeSection;
import org.tesseracrm.kernel.ui.kit.AsyncLoader;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.reports.api.ReportInfo;
import org.tesseracrm.reports.api.Reports;

/**
 * The Home page's dashboard: the one a reports admin made the default of the user's profile, read-only, each
 * widget loading on its own. Without a default for the profile the section is not shown.
 *
 * <p>Element ids: {@code home-dashboard}, {@code home-dashboard-grid}.
 */
@org.osgi.service.component.annotations.Component(service = HomeSection.class, property = {
    HomeSection.ORDER + ":Integer=50", HomeSection.PERMISSION + "=" + Reports.VIEW})
public class DashboardHomeSection implements HomeSection {
    private final DashboardScreens screens;

    /**
     * @param dashboards the profile's default dashboard
     * @param reports the widgets' reports
     * @param kit the record list dialog of a click-through
     * @param loader reads off the UI thread
     * @param events the module's record-change listener
     * @param access the caller's permissions
     */
    @Activate
    public DashboardHomeSection(@Reference DashboardService dashboards, @Reference Reports reports,
            @Reference RecordKit kit, @Reference AsyncLoader loader,
            @Reference(target = DashboardsViewContribution.EVENTS) EventHandler events, @Reference AccessControl access) {
        this.screens = new DashboardScreens(dashboards, reports, kit, loader, (DashboardEvents) events, access);
    }

    @Override
    public String title() {
        return "Dashboard";
    }

    /**
     * @param dashboard the profile's default
     * @param reports the reports the user may use, by key
     */
    record Shown(Optional<Dashboard> dashboard, Map<String, ReportInfo> reports) {
    }

    @Override
    public Optional<Component> create() {
        Div section = new Div();
        section.setId("home-dashboard");
        section.getStyle().set("grid-column", "1 / -1"); // the whole width of the Home page
        section.add(screens.loader().panel(() -> {
            Optional<Dashboard> dashboard = screens.dashboards().home();
            return new Shown(dashboard, dashboard.isEmpty() ? Map.of()
                    : DashboardGrid.byKey(screens.reports().list()));
        }, this::show));
        return Optional.of(section);
    }

    private Component show(Shown shown) {
        return shown.dashboard().<Component>map(d -> {
            Div titled = new Div(new Paragraph(d.name()));
            titled.add(new DashboardGrid(screens, "home-dashboard-grid", d, shown.reports(), Optional.empty()));
            return titled;
        }).orElseGet(() -> new Paragraph("No dashboard is set for your profile. Your dashboards are under Reports → "
                + "Dashboards."));
    }
}
