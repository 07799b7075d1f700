package org.tesseracrm.kernel.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.record.PickListValue;

class PickListSeedsTest {
    private static final PickListValue NEW = new PickListValue("New", Optional.empty(), true, true);
    private static final PickListValue WON = new PickListValue("Converted", Optional.of("#2e7d32"), false, true);

    @Test
    void anEmptyListGetsTheInitialValuesThenTheModuleValuesTheyLack() {
        assertEquals(List.of(NEW, WON, PickListValue.of("Discarded")),
                PickListSeeds.upkept(List.of(), List.of(NEW, WON), Set.of("Discarded", "Converted")));
    }

    @Test
    void theAdminsListIsKeptAsItIsWhenItHoldsTheModuleValuesActive() {
        List<PickListValue> admins = List.of(PickListValue.of("Fresh"), WON);
        assertEquals(admins, PickListSeeds.upkept(admins, List.of(NEW, WON), Set.of("Converted")));
        assertEquals(admins, PickListSeeds.upkept(admins, List.of(NEW), Set.of()));
    }

    @Test
    void aModuleValueTheAdminMadeInactiveOrRemovedComesBackActiveAndNotDefault() {
        PickListValue inactive = new PickListValue("Converted", Optional.of("#000000"), false, false);
        assertEquals(List.of(PickListValue.of("Fresh"), new PickListValue("Converted", Optional.of("#000000"), false, true)),
                PickListSeeds.upkept(List.of(PickListValue.of("Fresh"), inactive), List.of(NEW, WON), Set.of("Converted")));
        PickListValue defaultInitial = new PickListValue("Converted", Optional.of("#2e7d32"), true, true);
        assertEquals(List.of(PickListValue.of("Fresh"), WON),
                PickListSeeds.upkept(List.of(PickListValue.of("Fresh")), List.of(defaultInitial), Set.of("Converted")));
    }
}
