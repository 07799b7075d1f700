package org.tesseracrm.kernel.ui.internal.vaadin;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import com.vaadin.flow.component.ComponentEventBusUtil;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.internal.ComponentMetaData;
import com.vaadin.flow.component.internal.UIInternals;
import com.vaadin.flow.data.binder.BeanPropertySet;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.ReflectionCache;
import com.vaadin.flow.server.VaadinService;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleReference;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops what Vaadin's JVM-wide caches hold for classes of bundle revisions that are gone (uninstalled,
 * or replaced by an update or refresh). Vaadin keeps these caches for the life of its classes, which in
 * Tessera is the life of the shell bundle; every module revision whose components were ever shown would
 * otherwise stay in memory with its whole class loader.
 * <p>
 * Vaadin 24.9 offers no per-class eviction: {@link ReflectionCache#clearAll()} empties every cache, and
 * {@code ComponentMetaData} registers a service destroy listener per class and service that clearing the
 * cache does not remove, so clearing all would pile up listeners instead. Hence reflection, on these
 * fields of Vaadin 24.9.5 (each one is drafted as an upstream report in docs/upstream.md):
 * <ul>
 * <li>{@code ComponentUtil.componentMetaDataCache} and {@code ComponentEventBusUtil.cache} (the
 * {@code values} map of their {@link ReflectionCache}), and for each dropped {@code ComponentMetaData}
 * its listener in {@code VaadinService.serviceDestroyListeners};</li>
 * <li>{@code UIInternals.warnedAboutDeps};</li>
 * <li>{@code ComponentUtil.tagToComponentsMap};</li>
 * <li>{@code BeanPropertySet.INSTANCES}.</li>
 * </ul>
 * Jackson's type cache (Vaadin's shared mapper) is cleared through its public API, called reflectively:
 * that Jackson is embedded in the Vaadin bundle and not exported (linking to its types would make this
 * bundle import whichever Jackson another feature exports, a different class space). A field that is not
 * there (another Vaadin version) is logged once and skipped: the shell works on, only the leak is back.
 */
final class StaleClasses {
    private static final Logger LOG = LoggerFactory.getLogger(StaleClasses.class);
    /** The fields already reported as unreadable: each is logged once. */
    private static final Set<String> UNREADABLE = ConcurrentHashMap.newKeySet();

    private StaleClasses() {
    }

    /**
     * @param type a class
     * @return whether it was loaded by a bundle revision that is no longer the bundle's current one
     *     (the bundle is uninstalled, unresolved, or was updated or refreshed since)
     */
    static boolean stale(Class<?> type) {
        if (!(type.getClassLoader() instanceof BundleReference reference)) {
            return false;
        }
        Bundle bundle = reference.getBundle();
        if (bundle == null || bundle.getState() == Bundle.UNINSTALLED) {
            return true;
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        return wiring == null || wiring.getClassLoader() != type.getClassLoader();
    }

    /**
     * Drops every entry of Vaadin's JVM-wide caches whose class matches.
     *
     * @param gone which classes to forget, usually {@link #stale(Class)}
     * @return how many entries were dropped
     */
    static int purge(Predicate<Class<?>> gone) {
        int dropped = purgeMetaData(gone);
        dropped += purgeCache(ComponentEventBusUtil.class, "cache", gone);
        Set<Class<?>> warned = read(UIInternals.class, "warnedAboutDeps", null);
        if (warned != null) {
            dropped += removeIf(warned, gone);
        }
        Map<String, Set<Class<?>>> tags = read(ComponentUtil.class, "tagToComponentsMap", null);
        if (tags != null) {
            for (Set<Class<?>> classes : tags.values()) {
                dropped += removeIf(classes, gone);
            }
        }
        Map<Object, ?> beans = read(BeanPropertySet.class, "INSTANCES", null);
        if (beans != null) {
            for (Object key : beans.keySet()) {
                Class<?> type = read(key.getClass(), "type", key);
                if (type != null && gone.test(type) && beans.remove(key) != null) {
                    dropped++;
                }
            }
        }
        if (dropped > 0) {
            clearJacksonTypes();
        }
        return dropped;
    }

    /** {@code JacksonUtils.getMapper().getTypeFactory().clearCache()} on Vaadin's private Jackson. */
    private static void clearJacksonTypes() {
        try {
            Object mapper = JacksonUtils.class.getMethod("getMapper").invoke(null);
            Object types = mapper.getClass().getMethod("getTypeFactory").invoke(mapper);
            types.getClass().getMethod("clearCache").invoke(types);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (UNREADABLE.add("TypeFactory.clearCache")) {
                LOG.warn("Cannot clear Vaadin's Jackson type cache ({}); classes of removed bundles may stay in memory",
                        e.toString());
            }
        }
    }

    /** The component metadata, and the service destroy listener each one registered per service. */
    private static int purgeMetaData(Predicate<Class<?>> gone) {
        ReflectionCache<?, ?> cache = read(ComponentUtil.class, "componentMetaDataCache", null);
        Map<Class<?>, ?> values = cache == null ? null : read(ReflectionCache.class, "values", cache);
        if (values == null) {
            return 0;
        }
        int dropped = 0;
        for (Map.Entry<Class<?>, ?> entry : values.entrySet()) {
            if (!gone.test(entry.getKey()) || !(entry.getValue() instanceof ComponentMetaData metaData)) {
                continue;
            }
            Map<VaadinService, ?> services = read(ComponentMetaData.class, "dependencyInfo", metaData);
            if (services != null) {
                for (VaadinService service : services.keySet()) {
                    Set<?> listeners = read(VaadinService.class, "serviceDestroyListeners", service);
                    if (listeners != null) {
                        listeners.removeIf(listener -> captures(listener, metaData));
                    }
                }
            }
            if (values.remove(entry.getKey()) != null) {
                dropped++;
            }
        }
        return dropped;
    }

    private static int purgeCache(Class<?> owner, String field, Predicate<Class<?>> gone) {
        ReflectionCache<?, ?> cache = read(owner, field, null);
        Map<Class<?>, ?> values = cache == null ? null : read(ReflectionCache.class, "values", cache);
        return values == null ? 0 : removeIf(values.keySet(), gone);
    }

    private static int removeIf(Collection<Class<?>> classes, Predicate<Class<?>> gone) {
        int before = classes.size();
        classes.removeIf(gone);
        return before - classes.size();
    }

    /** @return whether a listener (a lambda) holds the object among its captured values */
    private static boolean captures(Object listener, Object captured) {
        for (Field field : listener.getClass().getDeclaredFields()) {
            try {
                field.setAccessible(true);
                if (field.get(listener) == captured) {
                    return true;
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false;
            }
        }
        return false;
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(Class<?> owner, String name, Object instance) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return (T) field.get(instance);
        } catch (ReflectiveOperationException | RuntimeException e) {
            if (UNREADABLE.add(owner.getName() + "." + name)) {
                LOG.warn("Vaadin's {}.{} cannot be read ({}); classes of removed modules may stay in memory",
                        owner.getSimpleName(), name, e.toString());
            }
            return null;
        }
    }
}
