package org.tesseracrm.activities.internal.report;

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
import org.tesseracrm.activities.internal.service.ActivityService;

/**
 * Contributes the check-ins per user report to the Reports module without depending on it: the bundle imports the
 * reports API optionally, and this plain component (no service of its own) registers {@link CheckInsSource}
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
     * @param activities the module's service
     */
    @Activate
    public ReportRegistration(BundleContext context, @Reference ActivityService activities) {
        if (!wired(context)) {
            LOG.debug("The reports API is not wired: no check-ins report");
            return;
        }
        try {
            registration = CheckInsSource.register(context, activities);
        } catch (NoClassDefFoundError e) {
            LOG.debug("The reports API is not available: no check-ins report");
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
