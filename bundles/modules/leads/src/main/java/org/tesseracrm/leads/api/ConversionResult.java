package org.tesseracrm.leads.api;

import java.util.Objects;
import java.util.Optional;

import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * What a lead became.
 *
 * @param lead the lead after the conversion (converted, read-only)
 * @param company the company created or linked, if any
 * @param contact the contact created or linked, if any
 * @param opportunity the opportunity created, if any
 */
public record ConversionResult(RecordRow lead, Optional<RecordRef> company, Optional<RecordRef> contact,
        Optional<RecordRef> opportunity) {
    /** Checks the parts are present. */
    public ConversionResult {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(opportunity, "opportunity");
    }
}
