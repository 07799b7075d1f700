package org.tesseracrm.kernel.core.internal.module;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tesseracrm.kernel.api.module.FeatureInfo;

/**
 * Which module features need which (quotes need products): a feature's bundles stay while another installed
 * feature requires them, so a module is disabled only after the modules that need it.
 *
 * @param needs per module feature name, every feature name it depends on, directly or through others
 */
record ModuleNeeds(Map<String, Set<String>> needs) {
    /** Keeps an unchangeable copy. */
    ModuleNeeds {
        needs = Map.copyOf(needs);
    }

    /** @return the installed modules among the given ones that need the module */
    List<FeatureInfo> installedDependents(FeatureInfo module, List<FeatureInfo> modules) {
        return modules.stream().filter(m -> m.installed() && !m.feature().equals(module.feature())
                && needs.getOrDefault(m.feature(), Set.of()).contains(module.feature())).toList();
    }

    /** @return the modules ordered so that each comes before every module it needs (the order to disable them in) */
    List<FeatureInfo> dependentsFirst(List<FeatureInfo> modules) {
        List<FeatureInfo> left = new ArrayList<>(modules);
        List<FeatureInfo> ordered = new ArrayList<>();
        while (!left.isEmpty()) {
            FeatureInfo next = left.stream().filter(m -> left.stream().noneMatch(other -> other != m
                    && needs.getOrDefault(other.feature(), Set.of()).contains(m.feature()))).findFirst()
                    .orElse(left.get(0)); // a cycle: Karaf would refuse it, keep the given order
            ordered.add(next);
            left.remove(next);
        }
        return List.copyOf(ordered);
    }
}
