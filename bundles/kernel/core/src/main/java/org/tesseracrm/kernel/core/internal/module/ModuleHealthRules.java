package org.tesseracrm.kernel.core.internal.module;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.module.HealthStatus;
import org.tesseracrm.kernel.api.module.InstalledModule;

/**
 * Whether the installed modules are up: each module whose feature is installed must have announced
 * itself, its bundles must be active and every view it contributes must be registered (routes). A
 * component that failed to activate or a bundle that cannot resolve is DOWN; anything still on its way
 * is STARTING.
 */
final class ModuleHealthRules {

    /**
     * A component of one of a module's bundles, as DS reports it.
     *
     * @param name the component name
     * @param state {@code ACTIVE}, {@code SATISFIED}, {@code UNSATISFIED_REFERENCE},
     *     {@code UNSATISFIED_CONFIGURATION} or {@code FAILED_ACTIVATION}
     * @param detail the failure, or the references it waits for
     * @param view whether it contributes a view (a route)
     */
    record ComponentState(String name, String state, String detail, boolean view) {
    }

    /**
     * What is known about one installed module.
     *
     * @param id the module id from its feature
     * @param announced what the module registry has for it, if it has announced itself
     * @param bundleStates each bundle of the feature as "symbolic name: STATE"
     * @param components the DS components of those bundles
     */
    record ModuleState(String id, Optional<InstalledModule> announced, List<String> bundleStates,
            List<ComponentState> components) {
    }

    private ModuleHealthRules() {
    }

    static HealthStatus status(List<ModuleState> modules) {
        List<String> down = new ArrayList<>();
        List<String> starting = new ArrayList<>();
        for (ModuleState module : modules) {
            check(module, down, starting);
        }
        if (!down.isEmpty()) {
            return HealthStatus.down(String.join("; ", down));
        }
        return starting.isEmpty() ? HealthStatus.up() : HealthStatus.starting(String.join("; ", starting));
    }

    private static void check(ModuleState module, List<String> down, List<String> starting) {
        String id = module.id();
        for (String bundle : module.bundleStates()) {
            if (bundle.endsWith(": INSTALLED")) {
                down.add(id + ": bundle " + bundle.substring(0, bundle.lastIndexOf(':'))
                        + " cannot resolve (bundle:diag shows why)");
                return;
            }
        }
        for (ComponentState component : module.components()) {
            if (component.state().equals("FAILED_ACTIVATION")) {
                down.add(id + ": " + component.name() + " failed to start: " + component.detail());
                return;
            }
        }
        if (module.bundleStates().stream().anyMatch(b -> !b.endsWith(": ACTIVE"))) {
            starting.add(id + " is starting its bundles");
            return;
        }
        for (ComponentState component : module.components()) {
            if (component.view() && component.state().startsWith("UNSATISFIED")) {
                starting.add(id + ": view " + component.name() + " waits for " + component.detail());
                return;
            }
        }
        if (module.announced().isEmpty()) {
            starting.add(id + " has not announced itself yet");
        } else if (!module.announced().get().state().equals("ACTIVE")) {
            starting.add(id + " is " + module.announced().get().state());
        }
    }
}
