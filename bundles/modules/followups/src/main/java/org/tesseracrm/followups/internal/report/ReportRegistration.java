package org.tesseracrm.followups.internal.report;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.followups.internal.service.FollowUpService;
import org.tesseracrm.kernel.ui.kit.OptionalService;

/**
 * Contributes the follow-up status report to the Reports module without depending on it: the bundle imports the
 * reports API optionally, and this plain component (no service of its own) registers {@link FollowUpStatusSource} only
 * when that import is wired (the kit's {@link OptionalService}). When the Reports module is installed after this one,
 * or installed again, it refreshes this bundle so that the import is wired to it (its {@code ContributorRewiring});
 * the distribution boots both.
 */
@Component(immediate = true)
public class ReportRegistration {
    static final String API = "org.tesseracrm.reports.api";
    private static final Logger LOG = LoggerFactory.getLogger(ReportRegistration.class);

    private final OptionalService report;

    /**
     * @param context the bundle's context
     * @param followUps the module's service
     */
    @Activate
    public ReportRegistration(BundleContext context, @Reference FollowUpService followUps) {
        report = OptionalService.register(context, API, () -> FollowUpStatusSource.register(context, followUps));
        if (!report.registered()) {
            LOG.debug("The reports API is not wired: no follow-up status report");
        }
    }

    /** Withdraws the report. */
    @Deactivate
    void deactivate() {
        report.close();
    }
}
