package org.tesseracrm.leads.api;

import java.util.List;
import java.util.Objects;

import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * What converting a lead would do, before the user confirms.
 *
 * @param lead the lead as it is
 * @param companyMatches existing companies the duplicate rules find for the lead's company name (up to 10), to
 *     link instead of creating one; empty if none or the caller may not view companies
 * @param contactMatches existing contacts the duplicate rules find for the lead's e-mail and name (up to 10)
 * @param opportunityName the name a new opportunity gets unless the user types another
 */
public record ConversionProposal(RecordRow lead, List<RecordRef> companyMatches, List<RecordRef> contactMatches,
        String opportunityName) {
    /** Checks the parts are present and copies the lists. */
    public ConversionProposal {
        Objects.requireNonNull(lead, "lead");
        companyMatches = List.copyOf(companyMatches);
        contactMatches = List.copyOf(contactMatches);
        Objects.requireNonNull(opportunityName, "opportunityName");
    }
}
