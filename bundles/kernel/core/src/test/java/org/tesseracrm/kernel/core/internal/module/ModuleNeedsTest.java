package org.tesseracrm.kernel.core.internal.module;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.module.FeatureInfo;

class ModuleNeedsTest {
    private static final ModuleNeeds SALES = new ModuleNeeds(Map.of(
            "crm-quotes", Set.of("crm-kernel", "crm-products", "crm-opportunities"),
            "crm-forecasts", Set.of("crm-kernel", "crm-opportunities"),
            "crm-opportunities", Set.of("crm-kernel"),
            "crm-products", Set.of("crm-kernel")));

    private static FeatureInfo module(String id, boolean installed) {
        return new FeatureInfo(id, "crm-" + id, "1.0.0", "", installed);
    }

    @Test
    void aModuleIsNeededOnlyByInstalledModulesThatDependOnIt() {
        FeatureInfo quotes = module("quotes", true);
        FeatureInfo forecasts = module("forecasts", false);
        FeatureInfo products = module("products", true);
        FeatureInfo opportunities = module("opportunities", true);
        List<FeatureInfo> all = List.of(forecasts, opportunities, products, quotes);
        assertEquals(List.of(quotes), SALES.installedDependents(opportunities, all));
        assertEquals(List.of(quotes), SALES.installedDependents(products, all));
        assertEquals(List.of(), SALES.installedDependents(quotes, all));
    }

    @Test
    void aProfileIsDisabledDependentsFirst() {
        FeatureInfo quotes = module("quotes", true);
        FeatureInfo forecasts = module("forecasts", true);
        FeatureInfo products = module("products", true);
        FeatureInfo opportunities = module("opportunities", true);
        List<FeatureInfo> ordered = SALES.dependentsFirst(List.of(opportunities, products, forecasts, quotes));
        assertEquals(List.of("forecasts", "quotes", "opportunities", "products"),
                ordered.stream().map(FeatureInfo::id).toList());
    }
}
