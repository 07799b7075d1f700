package org.tesseracrm.opportunities.api;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A test stand-in of the Opportunities module's API 1.0 (the reports bundle does not depend on it): the two methods
 * and the record accessors {@code OpportunityOutcomes} calls by name.
 */
public interface OpportunityPhases {
    /** @return the phases */
    List<Phase> phases();

    /**
     * @param opportunityId an opportunity
     * @return its phase history, oldest first
     */
    List<PhaseChange> history(long opportunityId);

    /** What reaching a phase means. */
    enum PhaseKind { OPEN, WON, LOST }

    /**
     * A phase.
     *
     * @param name its name
     * @param kind its kind
     */
    record Phase(String name, PhaseKind kind) {
    }

    /**
     * An entry of a phase history.
     *
     * @param to the phase entered
     * @param at when
     */
    record PhaseChange(String to, LocalDateTime at) {
    }
}
