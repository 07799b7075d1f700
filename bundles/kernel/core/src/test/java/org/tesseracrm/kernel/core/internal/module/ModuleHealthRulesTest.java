package org.tesseracrm.kernel.core.internal.module;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.module.HealthStatus;
import org.tesseracrm.kernel.api.module.InstalledModule;
import org.tesseracrm.kernel.core.internal.module.ModuleHealthRules.ComponentState;
import org.tesseracrm.kernel.core.internal.module.ModuleHealthRules.ModuleState;

class ModuleHealthRulesTest {
    private static final Optional<InstalledModule> ANNOUNCED = Optional.of(
            new InstalledModule("contacts", "Contacts", "People", "0.2.0", "ACTIVE", List.of("contacts")));
    private static final ComponentState VIEW = new ComponentState("ContactsView", "ACTIVE", "", true);

    private static ModuleState contacts(Optional<InstalledModule> announced, List<String> bundles,
            ComponentState... components) {
        return new ModuleState("contacts", announced, bundles, List.of(components));
    }

    @Test
    void isUpWhenEveryModuleIsActiveWithItsViews() {
        assertEquals(HealthStatus.up(), ModuleHealthRules.status(List.of(
                contacts(ANNOUNCED, List.of("org.tesseracrm.contacts: ACTIVE"), VIEW,
                        new ComponentState("ContactService", "SATISFIED", "", false)))));
        assertEquals(HealthStatus.up(), ModuleHealthRules.status(List.of()));
    }

    @Test
    void isStartingWhileAViewWaitsForAService() {
        HealthStatus status = ModuleHealthRules.status(List.of(contacts(ANNOUNCED,
                List.of("org.tesseracrm.contacts: ACTIVE"),
                new ComponentState("ContactsView", "UNSATISFIED_REFERENCE", "kit", true))));
        assertEquals(HealthStatus.starting("contacts: view ContactsView waits for kit"), status);
    }

    @Test
    void isStartingUntilTheModuleHasAnnouncedItself() {
        assertEquals(HealthStatus.starting("contacts has not announced itself yet"), ModuleHealthRules.status(
                List.of(contacts(Optional.empty(), List.of("org.tesseracrm.contacts: ACTIVE"), VIEW))));
        assertEquals(HealthStatus.starting("contacts is starting its bundles"), ModuleHealthRules.status(
                List.of(contacts(Optional.empty(), List.of("org.tesseracrm.contacts: RESOLVED")))));
    }

    @Test
    void isDownWhenAComponentFailedOrABundleCannotResolve() {
        assertEquals(HealthStatus.down("contacts: ContactService failed to start: java.lang.IllegalStateException: boom"),
                ModuleHealthRules.status(List.of(contacts(ANNOUNCED, List.of("org.tesseracrm.contacts: ACTIVE"), VIEW,
                        new ComponentState("ContactService", "FAILED_ACTIVATION",
                                "java.lang.IllegalStateException: boom", false)))));
        assertEquals(HealthStatus.down("contacts: bundle org.tesseracrm.contacts cannot resolve (bundle:diag shows why)"),
                ModuleHealthRules.status(List.of(contacts(Optional.empty(),
                        List.of("org.tesseracrm.contacts: INSTALLED")))));
    }

    @Test
    void downOfOneModuleWinsOverAnotherStillStarting() {
        ModuleState broken = new ModuleState("activities", Optional.empty(), List.of("org.tesseracrm.activities: INSTALLED"),
                List.of());
        HealthStatus status = ModuleHealthRules.status(List.of(broken, contacts(Optional.empty(), List.of())));
        assertEquals(HealthStatus.State.DOWN, status.state());
    }
}
