package org.tesseracrm.kernel.core.internal.module;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.karaf.features.Capability;
import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.module.FeatureInfo;
import org.tesseracrm.kernel.api.module.ModuleAdmin;
import org.tesseracrm.kernel.api.security.AccessControl;

/**
 * Module administration on top of Karaf's FeaturesService. Installs and uninstalls with
 * {@code NoAutoRefreshBundles}: otherwise Karaf refreshes the shared JPA stack on every change, which
 * restarts every other module.
 */
@Component(service = ModuleAdmin.class)
public class ModuleAdminImpl implements ModuleAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleAdminImpl.class);
    private static final EnumSet<FeaturesService.Option> NO_REFRESH =
            EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles);

    private final FeaturesService features;
    private final AccessControl access;

    /**
     * @param features Karaf's feature service
     * @param access checks the caller may manage modules
     */
    @Activate
    public ModuleAdminImpl(@Reference FeaturesService features, @Reference AccessControl access) {
        this.features = features;
        this.access = access;
    }

    @Override
    public List<FeatureInfo> modules() {
        access.require(MANAGE_MODULES);
        return list(MODULE_NAMESPACE);
    }

    @Override
    public List<FeatureInfo> profiles() {
        access.require(MANAGE_MODULES);
        return list(PROFILE_NAMESPACE);
    }

    @Override
    public void enableModule(String id) {
        access.require(MANAGE_MODULES);
        install(find(MODULE_NAMESPACE, "Module", id));
    }

    @Override
    public void disableModule(String id) {
        access.require(MANAGE_MODULES);
        FeatureInfo module = find(MODULE_NAMESPACE, "Module", id);
        List<FeatureInfo> modules = list(MODULE_NAMESPACE);
        List<String> needing = needs(modules).installedDependents(module, modules).stream().map(FeatureInfo::id)
                .toList();
        if (!needing.isEmpty()) {
            throw new ConflictException(String.join(", ", needing) + (needing.size() == 1 ? " needs " : " need ") + id
                    + ": disable " + (needing.size() == 1 ? "it" : "them") + " first.");
        }
        uninstall(module);
    }

    /**
     * Installs each module of the profile as a feature of its own (not the profile feature), so an
     * admin can still remove single modules afterwards.
     */
    @Override
    public void enableProfile(String id) {
        access.require(MANAGE_MODULES);
        for (FeatureInfo module : members(feature(find(PROFILE_NAMESPACE, "Profile", id)), modules())) {
            install(module);
        }
    }

    @Override
    public void disableProfile(String id) {
        access.require(MANAGE_MODULES);
        List<FeatureInfo> modules = modules();
        List<FeatureInfo> members = members(feature(find(PROFILE_NAMESPACE, "Profile", id)), modules);
        for (FeatureInfo module : needs(modules).dependentsFirst(members)) {
            uninstall(module);
        }
    }

    /** @return what each module feature depends on, directly or through other features */
    private ModuleNeeds needs(List<FeatureInfo> modules) {
        Map<String, Set<String>> needs = new HashMap<>();
        for (FeatureInfo module : modules) {
            Set<String> reached = new HashSet<>();
            reach(feature(module), reached);
            needs.put(module.feature(), reached);
        }
        return new ModuleNeeds(needs);
    }

    private void reach(Feature feature, Set<String> reached) {
        for (Dependency dependency : feature.getDependencies()) {
            if (reached.add(dependency.getName())) {
                try {
                    Feature next = features.getFeature(dependency.getName());
                    if (next != null) {
                        reach(next, reached);
                    }
                } catch (Exception e) {
                    throw new CrmException("Karaf could not read " + dependency.getName() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** @return those of the given module features that the profile feature depends on */
    private static List<FeatureInfo> members(Feature profile, List<FeatureInfo> modules) {
        Set<String> names = profile.getDependencies().stream().map(Dependency::getName).collect(Collectors.toSet());
        return modules.stream().filter(m -> names.contains(m.feature())).toList();
    }

    private Feature feature(FeatureInfo info) {
        try {
            Feature feature = features.getFeature(info.feature(), info.version());
            if (feature == null) {
                throw new NotFoundException("Feature " + info.feature() + "/" + info.version() + " is gone from Karaf.");
            }
            return feature;
        } catch (CrmException e) {
            throw e;
        } catch (Exception e) {
            throw new CrmException("Karaf could not read " + info.feature() + ": " + e.getMessage(), e);
        }
    }

    private void install(FeatureInfo info) {
        LOG.info("Installing feature {}/{}", info.feature(), info.version());
        try {
            features.installFeature(info.feature(), info.version(), NO_REFRESH);
        } catch (Exception e) {
            throw new CrmException("Could not enable " + info.id() + ": " + e.getMessage(), e);
        }
    }

    private void uninstall(FeatureInfo info) {
        if (!info.installed()) {
            return;
        }
        LOG.info("Uninstalling feature {}/{}", info.feature(), info.version());
        try {
            features.uninstallFeature(info.feature(), info.version(), NO_REFRESH);
        } catch (Exception e) {
            throw new CrmException("Could not disable " + info.id() + ": " + e.getMessage(), e);
        }
        if (find(MODULE_NAMESPACE, "Module", info.id()).installed()) {
            throw new CrmException(info.id() + " is still required by another installed feature, such as a profile "
                    + "installed with feature:install; uninstall that feature first.");
        }
    }

    private FeatureInfo find(String namespace, String kind, String id) {
        return list(namespace).stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no " + kind.toLowerCase() + " '" + id + "'. "
                        + "crm:" + kind.toLowerCase() + "-list shows the ones you can use."));
    }

    private List<FeatureInfo> list(String namespace) {
        Feature[] all;
        try {
            all = features.listFeatures();
        } catch (Exception e) {
            throw new CrmException("Karaf could not list its features: " + e.getMessage(), e);
        }
        // A profile's state comes from its modules' states: list them once, not once per profile.
        List<FeatureInfo> modules = namespace.equals(PROFILE_NAMESPACE) ? list(MODULE_NAMESPACE) : List.of();
        List<FeatureInfo> result = new ArrayList<>();
        for (Feature feature : all) {
            idOf(feature, namespace).ifPresent(id -> result.add(new FeatureInfo(id, feature.getName(),
                    feature.getVersion(), nullToEmpty(feature.getDescription()), installed(feature, namespace, modules))));
        }
        result.sort(Comparator.comparing(FeatureInfo::id).thenComparing(FeatureInfo::version));
        return List.copyOf(result);
    }

    /**
     * A module is installed when its feature is; a profile when every module it lists is.
     *
     * @param modules all module features, for profiles
     */
    private boolean installed(Feature feature, String namespace, List<FeatureInfo> modules) {
        if (namespace.equals(MODULE_NAMESPACE)) {
            return features.isInstalled(feature);
        }
        List<FeatureInfo> members = members(feature, modules);
        return !members.isEmpty() && members.stream().allMatch(FeatureInfo::installed);
    }

    private static Optional<String> idOf(Feature feature, String namespace) {
        for (Capability capability : feature.getCapabilities()) {
            Optional<String> id = FeatureCapability.id(capability.getValue(), namespace);
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
