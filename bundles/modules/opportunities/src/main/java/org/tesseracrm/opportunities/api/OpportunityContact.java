package org.tesseracrm.opportunities.api;

import java.util.Objects;

/**
 * A contact taking part in an opportunity, with their role in it.
 *
 * @param opportunityId the opportunity
 * @param contactId the contact
 * @param role e.g. "Decision maker"; empty for none
 */
public record OpportunityContact(long opportunityId, long contactId, String role) {
    /** Checks the role is present. */
    public OpportunityContact {
        Objects.requireNonNull(role, "role");
    }
}
