package org.tesseracrm.followups.internal.report;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.followups.internal.service.FollowUpService;

/**
 * Contributes the follow-up status report to the Reports module without depending on it: the bundle imports the
 * reports API optionally, and this plain component (no service of its own) registers {@link FollowUpStatusSource}
 * only when that import is wired. When the Reports module is installed after this one, or installed again, it
 * refreshes this bundle so that the import is wired to it (its {@code ContributorRewiring}); the distribution boots
 * both.
 */
@Component(immediate = true)
public class ReportRegistration {
    static final String API = "org.tesseracrm.reports.api";
    private static final Logger LOG = LoggerFactory.getLogger(ReportRegistration.class);

    private ServiceRegistration<?> registration;

    /**
     * @param context the bundle's context
     * @param followUps the module's service
     */
    @Activate
    public ReportRegistration(BundleContext context, @Reference FollowUpService followUps) {
        if (!wired(context)) {
            LOG.debug("The reports API is not wired: no follow-up status report");
            return;
        }
        try {
            registration = FollowUpStatusSource.register(context, followUps);
        } catch (NoClassDefFoundError e) {
            LOG.debug("The reports API is not available: no follow-up status report");
        }
    }

    private static boolean wired(BundleContext context) {
        BundleWiring wiring = context.getBundle().adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (API.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return true;
            }
        }
        return false;
    }

    /** Withdraws the report. */
    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
            registration = null;
        }
    }
}
