package org.tesseracrm.kernel.core.internal.module;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * The view services of the UI contract ({@code org.tesseracrm.kernel.api.ui.ViewContribution}, in the
 * bundle {@code org.tesseracrm.kernel.ui.api}), known by name only: the kernel core does not import
 * the UI contract, so it resolves and runs without the web shell and Vaadin. It reads the views' service
 * properties and never gets the services.
 */
final class ViewServices {
    /** The object class a view is registered under ({@code ViewContribution.class.getName()}). */
    static final String OBJECT_CLASS = "org.tesseracrm.kernel.api.ui.ViewContribution";
    /** The service property naming the view's route ({@code ViewContribution.ROUTE}). */
    static final String ROUTE = "crm.view.route";

    private ViewServices() {
    }

    /**
     * @param context the core's bundle context
     * @return a tracker of every view service's reference, to be opened with {@code open(true)}: the core
     *     has no class to check the services against
     */
    static ServiceTracker<Object, ServiceReference<Object>> tracker(BundleContext context) {
        try {
            return new ServiceTracker<>(context,
                    FrameworkUtil.createFilter("(" + Constants.OBJECTCLASS + "=" + OBJECT_CLASS + ")"),
                    new ReferencesOnly());
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("a constant filter", e);
        }
    }

    /** Keeps the reference as the tracked object, so no module component is activated. */
    private static final class ReferencesOnly implements ServiceTrackerCustomizer<Object, ServiceReference<Object>> {
        @Override
        public ServiceReference<Object> addingService(ServiceReference<Object> reference) {
            return reference;
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, ServiceReference<Object> service) {
            // properties are read when asked
        }

        @Override
        public void removedService(ServiceReference<Object> reference, ServiceReference<Object> service) {
            // nothing was got
        }
    }
}
