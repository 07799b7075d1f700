package org.tesseracrm.kernel.core.internal.module;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.module.InstalledModule;

class ModuleSnapshotTest {

    @Test
    void givesEachModuleOnlyTheRoutesOfItsOwnBundleSortedById() {
        List<InstalledModule> modules = ModuleSnapshot.build(
                List.of(new ModuleSnapshot.Descriptor(7, "leads", "Leads", "", "0.2.0", "ACTIVE"),
                        new ModuleSnapshot.Descriptor(5, "contacts", "Contacts", "People", "0.1.0", "ACTIVE")),
                List.of(new ModuleSnapshot.View(5, "contacts"), new ModuleSnapshot.View(7, "leads"),
                        new ModuleSnapshot.View(5, "contacts/import"), new ModuleSnapshot.View(9, "orphan")));

        assertEquals(List.of("contacts", "leads"), modules.stream().map(InstalledModule::id).toList());
        assertEquals(List.of("contacts", "contacts/import"), modules.get(0).routes());
        assertEquals(List.of("leads"), modules.get(1).routes());
        assertEquals("0.2.0", modules.get(1).version());
    }

    @Test
    void aModuleWithoutViewsHasNoRoutes() {
        List<InstalledModule> modules = ModuleSnapshot.build(
                List.of(new ModuleSnapshot.Descriptor(3, "api-only", "API", "", "1.0.0", "ACTIVE")), List.of());
        assertEquals(List.of(), modules.get(0).routes());
    }
}
