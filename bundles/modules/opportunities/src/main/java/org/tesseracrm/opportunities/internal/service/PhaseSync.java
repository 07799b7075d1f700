package org.tesseracrm.opportunities.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.opportunities.api.Phase;
import org.tesseracrm.opportunities.api.PhaseKind;

/**
 * Keeps the opportunity's {@code phase} pick-list equal to the phases: one value per phase in the admin's
 * order, inactive phases inactive, the first active open phase the default, won and lost phases coloured.
 * The record platform then validates phases like any pick-list value and the board groups by it in this order.
 */
final class PhaseSync {
    static final String WON_COLOUR = "#2e7d32";
    static final String LOST_COLOUR = "#c62828";

    private PhaseSync() {
    }

    /** @return the pick-list values the phases give */
    static List<PickListValue> values(List<Phase> phases) {
        Optional<String> first = phases.stream().filter(p -> p.active() && p.kind() == PhaseKind.OPEN)
                .map(Phase::name).findFirst();
        List<PickListValue> values = new ArrayList<>();
        for (Phase phase : phases) {
            Optional<String> colour = switch (phase.kind()) {
                case WON -> Optional.of(WON_COLOUR);
                case LOST -> Optional.of(LOST_COLOUR);
                default -> Optional.empty();
            };
            values.add(new PickListValue(phase.name(), colour, first.filter(phase.name()::equals).isPresent(),
                    phase.active()));
        }
        return values;
    }

    /** Writes the phase pick-list if it differs from the phases, in the caller's transaction. */
    static void sync(CustomFields fields, List<Phase> phases) {
        List<PickListValue> wanted = values(phases);
        if (!wanted.equals(fields.pickList(OpportunityRecordType.ID, OpportunityRecordType.PHASE))) {
            fields.savePickList(OpportunityRecordType.ID, OpportunityRecordType.PHASE, wanted);
        }
    }
}
