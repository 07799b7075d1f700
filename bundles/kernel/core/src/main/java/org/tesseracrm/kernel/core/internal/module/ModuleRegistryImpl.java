package org.tesseracrm.kernel.core.internal.module;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.ServiceTracker;
import org.tesseracrm.kernel.api.module.InstalledModule;
import org.tesseracrm.kernel.api.module.ModuleDescriptor;
import org.tesseracrm.kernel.api.module.ModuleRegistry;

/**
 * Tracks module descriptors and view contributions by their service references only: it reads
 * service properties and never activates a module's components. Views are tracked by their object
 * class name ({@link ViewServices}), so the core does not import the UI contract.
 */
@Component(service = ModuleRegistry.class, immediate = true)
public class ModuleRegistryImpl implements ModuleRegistry {

    private final Set<ServiceReference<ModuleDescriptor>> descriptors = new CopyOnWriteArraySet<>();
    private final ServiceTracker<Object, ServiceReference<Object>> views;

    /** @param context tracks the view services */
    @Activate
    public ModuleRegistryImpl(BundleContext context) {
        views = ViewServices.tracker(context);
        views.open(true);
    }

    @Deactivate
    void deactivate() {
        views.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDescriptor(ServiceReference<ModuleDescriptor> ref) {
        descriptors.add(ref);
    }

    void unbindDescriptor(ServiceReference<ModuleDescriptor> ref) {
        descriptors.remove(ref);
    }

    @Override
    public List<InstalledModule> modules() {
        return ModuleSnapshot.build(
                descriptors.stream().map(ModuleRegistryImpl::descriptor).filter(Objects::nonNull).toList(),
                views.getTracked().keySet().stream().map(ModuleRegistryImpl::view).filter(Objects::nonNull).toList());
    }

    @Override
    public Optional<InstalledModule> module(String id) {
        return modules().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    private static ModuleSnapshot.Descriptor descriptor(ServiceReference<ModuleDescriptor> ref) {
        Bundle bundle = ref.getBundle();
        if (bundle == null) {
            return null; // unregistered while we looked
        }
        return new ModuleSnapshot.Descriptor(bundle.getBundleId(), text(ref, ModuleDescriptor.ID),
                text(ref, ModuleDescriptor.NAME), text(ref, ModuleDescriptor.DESCRIPTION),
                bundle.getVersion().getMajor() + "." + bundle.getVersion().getMinor() + "."
                        + bundle.getVersion().getMicro(),
                stateName(bundle.getState()));
    }

    private static ModuleSnapshot.View view(ServiceReference<?> ref) {
        Bundle bundle = ref.getBundle();
        return bundle == null ? null : new ModuleSnapshot.View(bundle.getBundleId(), text(ref, ViewServices.ROUTE));
    }

    private static String text(ServiceReference<?> ref, String property) {
        Object value = ref.getProperty(property);
        return value == null ? "" : value.toString();
    }

    static String stateName(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            default -> "UNINSTALLED";
        };
    }
}
