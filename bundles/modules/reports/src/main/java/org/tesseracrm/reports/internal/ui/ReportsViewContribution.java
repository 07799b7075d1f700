package org.tesseracrm.reports.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.reports.api.Reports;

/** Contributes the reports list and builder at {@code /reports}, first under Reports, for {@code reports.view}. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "reports", title = "Reports", icon = "vaadin:chart", group = "Reports", order = 1,
        permission = Reports.VIEW)
public class ReportsViewContribution implements ViewContribution {
    private final ReportServices services;

    /**
     * @param reports the reports service, which checks every permission
     * @param kit the filter bar and the record list dialog of a click-through
     * @param types the record types to report on
     * @param fields their fields, custom ones included
     * @param access the caller's permissions
     */
    @Activate
    public ReportsViewContribution(@Reference Reports reports, @Reference RecordKit kit, @Reference RecordTypes types,
            @Reference CustomFields fields, @Reference AccessControl access) {
        this.services = new ReportServices(reports, kit, types, fields, access);
    }

    @Override
    public Class<? extends Component> viewType() {
        return ReportsView.class;
    }

    @Override
    public Component createView() {
        return new ReportsView(services);
    }
}
