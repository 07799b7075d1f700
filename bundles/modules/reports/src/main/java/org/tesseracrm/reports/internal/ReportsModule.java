package org.tesseracrm.reports.internal;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.CrmModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.Permission;
import org.tesseracrm.kernel.api.module.PermissionSet;
import org.tesseracrm.reports.api.Reports;

/** Announces the Reports module and its permissions: view, build, share and admin. */
@Component(service = {ModuleDescriptor.class, PermissionSet.class})
@CrmModule(id = ReportsModule.ID, name = "Reports", icon = "vaadin:chart",
        description = "Reports over any record type: grouped counts and sums, charts, sharing, export and e-mail schedules")
public class ReportsModule implements ModuleDescriptor, PermissionSet {
    /** The module id, prefix of its permissions. */
    public static final String ID = "reports";

    @Override
    public List<Permission> permissions() {
        return List.of(
                new Permission(Reports.VIEW, "view, run and export the reports one sees"),
                new Permission(Reports.BUILD, "build and save reports"),
                new Permission(Reports.SHARE, "share reports with everyone, roles or groups and schedule them by e-mail"),
                new Permission(Reports.ADMIN, "see, change and delete every saved report"));
    }
}
