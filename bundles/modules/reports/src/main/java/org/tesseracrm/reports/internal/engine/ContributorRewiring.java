package org.tesseracrm.reports.internal.engine;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.reports.api.ReportSource;

/**
 * Brings back the reports other modules contribute when this module is installed after them, or installed again.
 * <p>
 * A module that contributes a report without needing this one (activities, follow-ups) imports the reports API
 * optionally. OSGi wires an import when the importer is resolved and never again by itself: a module resolved while
 * this one was absent stays without the API, and one resolved with an earlier copy of this module (since
 * uninstalled) stays wired to that copy, whose {@link ReportSource} is not ours. Karaf's feature installs leave
 * such bundles alone (the CRM's module administration asks it not to refresh). So, when this module starts, it
 * refreshes exactly the bundles whose optional import of the API is not wired to this copy of the module; the
 * framework re-resolves them (and what depends on them) on its own thread, and they register their reports again.
 * At a start where every importer is already wired to this copy, as when the CRM boots, it does nothing.
 */
@Component(immediate = true, service = {})
public class ContributorRewiring {
    private static final Logger LOG = LoggerFactory.getLogger(ContributorRewiring.class);
    private static final String API = ReportSource.class.getPackageName();

    /** @param context this module's bundle context */
    @Activate
    public ContributorRewiring(BundleContext context) {
        List<Bundle> stale = stale(context);
        if (stale.isEmpty()) {
            return;
        }
        LOG.info("Refreshing {} so that they wire the reports API of this copy of the Reports module", stale);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(stale);
    }

    /** @return the resolved bundles with an optional import of the API that this bundle's export would satisfy but is
     *     not wired to it */
    private static List<Bundle> stale(BundleContext context) {
        BundleRevision self = context.getBundle().adapt(BundleRevision.class);
        BundleCapability export = self.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE).stream()
                .filter(capability -> API.equals(capability.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE)))
                .findFirst().orElse(null);
        List<Bundle> stale = new ArrayList<>();
        if (export == null) {
            return stale;
        }
        for (Bundle bundle : context.getBundles()) {
            if (bundle.equals(context.getBundle())
                    || (bundle.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) == 0) {
                continue;
            }
            BundleRevision revision = bundle.adapt(BundleRevision.class);
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (revision == null || wiring == null) {
                continue;
            }
            boolean imports = revision.getDeclaredRequirements(PackageNamespace.PACKAGE_NAMESPACE).stream()
                    .anyMatch(requirement -> optional(requirement) && requirement.matches(export));
            if (imports && !wiredTo(wiring, self)) {
                stale.add(bundle);
            }
        }
        return stale;
    }

    private static boolean optional(BundleRequirement requirement) {
        return PackageNamespace.RESOLUTION_OPTIONAL.equals(
                requirement.getDirectives().get(PackageNamespace.REQUIREMENT_RESOLUTION_DIRECTIVE));
    }

    private static boolean wiredTo(BundleWiring wiring, BundleRevision self) {
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (API.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return self.equals(wire.getProvider());
            }
        }
        return false;
    }
}
