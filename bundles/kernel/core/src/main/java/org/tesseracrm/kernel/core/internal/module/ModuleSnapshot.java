package org.tesseracrm.kernel.core.internal.module;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.tesseracrm.kernel.api.module.InstalledModule;

/** Joins module descriptors with the views their bundles contribute. Pure, so it is unit tested. */
final class ModuleSnapshot {

    /** What the registry knows of a {@code ModuleDescriptor} service. */
    record Descriptor(long bundleId, String id, String name, String description, String version, String state) {
    }

    /** What the registry knows of a {@code ViewContribution} service. */
    record View(long bundleId, String route) {
    }

    private ModuleSnapshot() {
    }

    static List<InstalledModule> build(Collection<Descriptor> descriptors, Collection<View> views) {
        return descriptors.stream()
                .map(d -> new InstalledModule(d.id(), d.name(), d.description(), d.version(), d.state(),
                        views.stream().filter(v -> v.bundleId() == d.bundleId()).map(View::route).sorted().toList()))
                .sorted(Comparator.comparing(InstalledModule::id))
                .toList();
    }
}
