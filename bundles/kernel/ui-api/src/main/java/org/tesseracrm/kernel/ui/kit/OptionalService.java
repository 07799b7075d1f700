package org.tesseracrm.kernel.ui.kit;

import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * A service a module registers only when another module's API is there: its type comes from a package the bundle
 * imports with {@code resolution:=optional} (a report for the Reports module, say). The registering code runs only
 * when that import is wired, so no class of the absent API is ever loaded; without it nothing is registered and
 * nothing is logged as an error. Call {@link #register} from a plain immediate component's activation and
 * {@link #close} from its deactivation. The module whose API it is may refresh the bundle when it comes later or
 * again (the Reports module does), which activates the component anew.
 */
public final class OptionalService implements AutoCloseable {
    private ServiceRegistration<?> registration;

    private OptionalService(ServiceRegistration<?> registration) {
        this.registration = registration;
    }

    /**
     * @param context the registering bundle's context
     * @param apiPackage the optionally imported package the service's type is in
     * @param registrar registers the service; called only when the import is wired
     * @return the registration, or an empty one when the API is not wired (or its classes are gone meanwhile)
     */
    public static OptionalService register(BundleContext context, String apiPackage,
            Supplier<ServiceRegistration<?>> registrar) {
        if (!wired(context, apiPackage)) {
            return new OptionalService(null);
        }
        try {
            return new OptionalService(registrar.get());
        } catch (NoClassDefFoundError gone) {
            return new OptionalService(null); // the API's bundle went between the check and the call
        }
    }

    /**
     * @param context a bundle's context
     * @param apiPackage a package it imports
     * @return whether that import is wired to an exporter
     */
    public static boolean wired(BundleContext context, String apiPackage) {
        BundleWiring wiring = context.getBundle().adapt(BundleWiring.class);
        if (wiring == null) {
            return false;
        }
        for (BundleWire wire : wiring.getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE)) {
            if (apiPackage.equals(wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE))) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the service was registered (and not yet withdrawn) */
    public synchronized boolean registered() {
        return registration != null;
    }

    /** Withdraws the service, once; quietly when the framework already did with the bundle. */
    @Override
    public synchronized void close() {
        if (registration == null) {
            return;
        }
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // unregistered with the bundle
        }
        registration = null;
    }
}
