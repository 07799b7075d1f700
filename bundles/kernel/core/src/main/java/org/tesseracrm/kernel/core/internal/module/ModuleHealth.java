package org.tesseracrm.kernel.core.internal.module;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Capability;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.tesseracrm.kernel.api.module.HealthIndicator;
import org.tesseracrm.kernel.api.module.HealthStatus;
import org.tesseracrm.kernel.api.module.ModuleAdmin;
import org.tesseracrm.kernel.api.module.ModuleRegistry;

/**
 * The health of the installed modules for {@code /health}: every module whose Karaf feature is
 * installed must be active with its views ({@link ModuleHealthRules}). Reads Karaf's and DS's
 * in-memory state only; needs no database.
 */
@Component(service = HealthIndicator.class, property = HealthIndicator.COMPONENT + "=modules")
public class ModuleHealth implements HealthIndicator {
    private final FeaturesService features;
    private final ModuleRegistry registry;
    private final ServiceComponentRuntime components;
    private final BundleContext context;

    /**
     * @param features which module features are installed
     * @param registry which modules have announced themselves
     * @param components the state of the modules' components
     * @param context finds the features' bundles
     */
    @Activate
    public ModuleHealth(@Reference FeaturesService features, @Reference ModuleRegistry registry,
            @Reference ServiceComponentRuntime components, BundleContext context) {
        this.features = features;
        this.registry = registry;
        this.components = components;
        this.context = context;
    }

    @Override
    public HealthStatus status() {
        Feature[] installed;
        try {
            installed = features.listInstalledFeatures();
        } catch (Exception e) {
            return HealthStatus.down("Karaf could not list its installed features: " + e.getMessage());
        }
        Map<String, Bundle> bundles = Arrays.stream(context.getBundles())
                .collect(Collectors.toMap(Bundle::getLocation, Function.identity(), (a, b) -> a));
        List<ModuleHealthRules.ModuleState> modules = new ArrayList<>();
        for (Feature feature : installed) {
            moduleId(feature).ifPresent(id -> modules.add(state(id, feature, bundles)));
        }
        return ModuleHealthRules.status(modules);
    }

    private static Optional<String> moduleId(Feature feature) {
        for (Capability capability : feature.getCapabilities()) {
            Optional<String> id = FeatureCapability.id(capability.getValue(), ModuleAdmin.MODULE_NAMESPACE);
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private ModuleHealthRules.ModuleState state(String id, Feature feature, Map<String, Bundle> bundles) {
        List<String> bundleStates = new ArrayList<>();
        List<ModuleHealthRules.ComponentState> states = new ArrayList<>();
        for (BundleInfo info : feature.getBundles()) {
            Bundle bundle = bundles.get(info.getLocation());
            if (bundle == null || bundle.getHeaders("").get("Fragment-Host") != null) {
                continue; // being installed, or a fragment (never ACTIVE)
            }
            bundleStates.add(bundle.getSymbolicName() + ": " + ModuleRegistryImpl.stateName(bundle.getState()));
            for (ComponentDescriptionDTO description : components.getComponentDescriptionDTOs(bundle)) {
                boolean view = Arrays.asList(description.serviceInterfaces).contains(ViewServices.OBJECT_CLASS);
                if (!components.isComponentEnabled(description)) {
                    continue;
                }
                for (ComponentConfigurationDTO configuration : components.getComponentConfigurationDTOs(description)) {
                    states.add(new ModuleHealthRules.ComponentState(description.name, stateName(configuration.state),
                            detail(configuration), view));
                }
            }
        }
        return new ModuleHealthRules.ModuleState(id, registry.module(id), bundleStates, states);
    }

    private static String stateName(int state) {
        return switch (state) {
            case ComponentConfigurationDTO.ACTIVE -> "ACTIVE";
            case ComponentConfigurationDTO.SATISFIED -> "SATISFIED";
            case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "UNSATISFIED_REFERENCE";
            case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "UNSATISFIED_CONFIGURATION";
            case ComponentConfigurationDTO.FAILED_ACTIVATION -> "FAILED_ACTIVATION";
            default -> "UNKNOWN";
        };
    }

    private static String detail(ComponentConfigurationDTO configuration) {
        if (configuration.failure != null) {
            return configuration.failure.lines().findFirst().orElse("");
        }
        return Arrays.stream(configuration.unsatisfiedReferences).map(reference -> reference.name)
                .collect(Collectors.joining(", "));
    }
}
