package org.tesseracrm.reports.internal.dashboard;

import java.time.LocalDate;
import java.util.Optional;

import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.ui.kit.AsyncLoader;
import org.tesseracrm.kernel.ui.kit.LocalTimes;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.Reports;

/**
 * What the dashboard screens use, in one place: the dashboards and reports services (which check every
 * permission), the kit's record list dialog of a click-through, the kernel's loader that reads each widget on its
 * own, and the record events that refresh them.
 *
 * @param dashboards saved dashboards
 * @param reports the widgets' reports, run as the viewer
 * @param kit the record list dialog
 * @param loader reads each widget off the UI thread
 * @param events record changes
 * @param access the caller's permissions (the services check again)
 */
record DashboardScreens(DashboardService dashboards, Reports reports, RecordKit kit, AsyncLoader loader,
        DashboardEvents events, AccessControl access) {

    /**
     * @param period a dashboard's period
     * @return its days for the signed-in user, today being their today (call on the UI thread)
     */
    static Optional<Period> resolve(DashboardPeriod period) {
        return period.resolve(LocalDate.now(LocalTimes.current().settings().zone()));
    }
}
