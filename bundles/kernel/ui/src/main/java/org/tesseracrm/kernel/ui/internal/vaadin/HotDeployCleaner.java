package org.tesseracrm.kernel.ui.internal.vaadin;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.logging.Handler;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets the class loader of an uninstalled, updated or refreshed module go. Without it, every hot deploy
 * of a module whose components a browser had shown left its old class loader (and everything it loaded)
 * in memory for good: Vaadin's JVM-wide caches keep the classes they saw ({@link StaleClasses}), and
 * Aries JPA 2.7.3 never unregisters the class transformer EclipseLink gives it for a persistence unit
 * (its {@code JPAWeavingHook.registeredTransformers} keeps the bundle, the {@code PersistenceWeaver} and
 * through it the old class loader).
 * <p>
 * When a bundle is uninstalled or unresolved, this drops the entries of classes whose revision is gone
 * from Vaadin's caches and the bundle's transformers from Aries JPA's weaving hook. When it is
 * uninstalled, it also drops what Felix 7.0.5's service registry keeps about the services the bundle had
 * used: a use obtained through {@code ServiceObjects} (as Felix SCR does for every reference) whose count
 * went back to 0 stays in {@code ServiceRegistry.m_inUseMap}, keyed by the bundle, for good (about ten
 * per module and 60 KB with the uninstalled bundle's headers and jar index, per uninstall), and the
 * loggers Pax Logging 2.3.2 made for it ({@code OSGIPaxLoggingManager.m_loggers} keeps one per logger
 * name and bundle, with the bundle, for good). It does so again
 * whenever a bundle has started, for what a UI still on its way out cached meanwhile. Only entries of
 * gone revisions are touched, so the work is safe at any moment and costs a scan of a few hundred entries.
 * Open pages do their part themselves: {@code MainLayout} drops a gone module's header items and leaves
 * its view.
 */
@Component(service = HotDeployCleaner.class, immediate = true)
public class HotDeployCleaner implements SynchronousBundleListener {
    private static final Logger LOG = LoggerFactory.getLogger(HotDeployCleaner.class);
    /** Aries JPA's weaving hook; its class is private to the Aries JPA container bundle. */
    static final String ARIES_WEAVING_HOOK = "org.apache.aries.jpa.container.weaving.impl.JPAWeavingHook";

    private final BundleContext context;

    /** @param context this bundle's context, to follow every bundle */
    @Activate
    public HotDeployCleaner(BundleContext context) {
        this.context = context;
        context.addBundleListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        switch (event.getType()) {
            case BundleEvent.UNRESOLVED -> {
                forgetTransformers(event.getBundle());
                purge(event.getBundle());
            }
            case BundleEvent.UNINSTALLED -> {
                forgetTransformers(event.getBundle());
                purge(event.getBundle());
                forgetServiceUses(context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION));
                forgetLoggers();
            }
            case BundleEvent.STARTED -> purge(event.getBundle());
            default -> {
                // nothing to drop yet: the bundle's classes are still its current ones
            }
        }
    }

    private static void purge(Bundle cause) {
        try {
            int dropped = StaleClasses.purge(StaleClasses::stale);
            if (dropped > 0) {
                LOG.debug("Dropped {} cached Vaadin entries of removed bundle revisions (after {} {})", dropped,
                        cause.getSymbolicName(), cause.getBundleId());
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not drop Vaadin's cached classes of removed bundles", e);
        }
    }

    /**
     * Removes the bundle's class transformers from Aries JPA's weaving hook, and those of every bundle
     * that is already uninstalled. Aries JPA 2.7.3 adds one per persistence unit and never removes it
     * (there is no public API for it: docs/upstream.md).
     */
    private void forgetTransformers(Bundle gone) {
        ServiceReference<?>[] hooks;
        try {
            hooks = context.getServiceReferences("org.osgi.framework.hooks.weaving.WeavingHook", null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        for (ServiceReference<?> reference : hooks == null ? new ServiceReference<?>[0] : hooks) {
            Object hook = context.getService(reference);
            try {
                if (hook != null && hook.getClass().getName().equals(ARIES_WEAVING_HOOK)) {
                    forgetTransformers(hook, gone);
                }
            } finally {
                context.ungetService(reference);
            }
        }
    }

    /**
     * Removes uninstalled bundles whose service uses are all released from Felix's service registry
     * (reflection: there is no API for it; docs/upstream.md). Another framework is left alone.
     */
    static void forgetServiceUses(Bundle framework) {
        if (framework == null || !framework.getClass().getName().equals("org.apache.felix.framework.Felix")) {
            return;
        }
        try {
            Object registry = field(framework.getClass(), "m_registry").get(framework);
            Map<?, ?> inUse = (Map<?, ?>) field(registry.getClass(), "m_inUseMap").get(registry);
            inUse.entrySet().removeIf(e -> ((Bundle) e.getKey()).getState() == Bundle.UNINSTALLED
                    && allReleased((Object[]) e.getValue()));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Felix's service registry cannot be cleaned ({}); uninstalled bundles may stay in memory",
                    e.toString());
        }
    }

    /**
     * Removes the loggers of uninstalled bundles from Pax Logging's manager, reached through its JUL
     * handler on the root logger (reflection: no API; docs/upstream.md). Without Pax Logging, nothing.
     */
    static void forgetLoggers() {
        for (Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            if (!handler.getClass().getName().equals("org.ops4j.pax.logging.internal.JdkHandler")) {
                continue;
            }
            try {
                Object manager = field(handler.getClass(), "m_loggingManager").get(handler);
                Map<?, ?> loggers = (Map<?, ?>) field(manager.getClass(), "m_loggers").get(manager);
                synchronized (loggers) { // as OSGIPaxLoggingManager.getLogger does
                    loggers.values().removeIf(HotDeployCleaner::ofUninstalledBundle);
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.warn("Pax Logging's loggers cannot be cleaned ({}); uninstalled bundles may stay in memory",
                        e.toString());
            }
        }
    }

    private static boolean ofUninstalledBundle(Object trackingLogger) {
        try {
            Object bundle = field(trackingLogger.getClass(), "m_bundle").get(trackingLogger);
            return bundle instanceof Bundle b && b.getState() == Bundle.UNINSTALLED;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    /** @return whether none of Felix's {@code UsageCount}s still holds a service object */
    private static boolean allReleased(Object[] usages) {
        try {
            for (Object usage : usages) {
                if (usage == null) {
                    continue;
                }
                Number count = (Number) field(usage.getClass(), "m_count").get(usage);
                AtomicReference<?> holder = (AtomicReference<?>) field(usage.getClass(), "m_svcHolderRef").get(usage);
                if (count.longValue() > 0 || holder.get() != null) {
                    return false;
                }
            }
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static Field field(Class<?> owner, String name) throws NoSuchFieldException {
        Field field = owner.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    static void forgetTransformers(Object hook, Bundle gone) {
        try {
            Map<?, ?> transformers = (Map<?, ?>) field(hook.getClass(), "registeredTransformers").get(hook);
            synchronized (hook) { // the hook's own methods synchronize on it
                transformers.keySet().removeIf(bundle -> bundle == gone
                        || ((Bundle) bundle).getState() == Bundle.UNINSTALLED);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Aries JPA's weaving hook cannot be cleaned ({}); the class loader of {} may stay in memory",
                    e.toString(), gone.getSymbolicName());
        }
    }
}
