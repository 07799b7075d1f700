package org.tesseracrm.leads.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.kernel.api.record.RecordRow;

/**
 * Converts leads into the records they become, discards leads, and keeps the admin's field mapping. Every
 * method checks the caller's permissions; a conversion also needs the create (or view, to link) permission of
 * every record type it touches, checked by the record platform as for any other change.
 *
 * <p>A conversion happens in one transaction: it creates (or links) the company, creates (or links) the
 * contact, optionally creates the opportunity, moves the lead's notes, files, outcomes, activities and
 * follow-ups to the contact (or the company when no contact is involved), and marks the lead converted and
 * read-only with lookups to what it became. If any step fails, nothing of it stays.
 */
@ProviderType
public interface LeadConversion {
    /** Record type id of leads. */
    String RECORD_TYPE = "lead";
    /** Permission to convert leads (with the create permission of what the conversion creates). */
    String CONVERT = "leads.convert";
    /** Permission to discard leads. */
    String DISCARD = "leads.discard";
    /** Permission to change the conversion's field mapping (and the module's pick-lists and fields). */
    String CONFIGURE = "leads.configure";

    /**
     * What a conversion of this lead would do, for the conversion dialog: the companies and contacts the
     * duplicate rules find for it (to link instead of creating), and the values the new records would get.
     *
     * @param leadId a lead the caller sees
     * @return the proposal
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #CONVERT}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the lead
     * @throws org.tesseracrm.kernel.api.ValidationException if the lead is converted or discarded already
     */
    ConversionProposal propose(long leadId);

    /**
     * Converts a lead, all or nothing.
     *
     * @param request what to create or link
     * @return what the lead became
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #CONVERT}, or without the
     *     create permission of a record type the conversion creates
     * @throws org.tesseracrm.kernel.api.ValidationException if the lead is converted or discarded already, a
     *     record to link is not of the right type, or a new record's values break a rule (each error names
     *     the record type in its field, e.g. {@code opportunity.closeDate})
     * @throws org.tesseracrm.kernel.api.ConflictException if the lead changed since it was read
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the lead or a record to link
     */
    ConversionResult convert(ConversionRequest request);

    /**
     * Discards a lead: its status becomes "discarded" with the reason, which the record's change event carries
     * (field {@code discardReason}) for automation.
     *
     * @param leadId the lead
     * @param version its version as the caller read it
     * @param reason an active value of the lead's {@code discardReason} pick-list
     * @return the lead after the change
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #DISCARD}
     * @throws org.tesseracrm.kernel.api.ValidationException for a blank or unknown reason, or a converted lead
     * @throws org.tesseracrm.kernel.api.ConflictException if the lead changed since it was read
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the lead
     */
    RecordRow discard(long leadId, long version, String reason);

    /**
     * @return the admin's mapping of lead fields (custom ones included) to the fields of the records a
     *     conversion creates, the built-in mapping of predefined fields first
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code leads.view}
     */
    List<FieldMapping> mappings();

    /**
     * Maps a lead field to a field of a record type a conversion creates, replacing the mapping of that lead
     * field to that type.
     *
     * @param mapping the lead field, the target record type ({@code company}, {@code contact} or
     *     {@code opportunity}) and its field
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #CONFIGURE}
     * @throws org.tesseracrm.kernel.api.ValidationException for an unknown field or type, or fields whose types
     *     do not fit each other
     */
    void map(FieldMapping mapping);

    /**
     * Removes the mapping of a lead field to a record type; built-in mappings cannot be removed.
     *
     * @param leadField the lead field
     * @param targetType the record type
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link #CONFIGURE}
     * @throws org.tesseracrm.kernel.api.ValidationException for a built-in mapping
     */
    void unmap(String leadField, String targetType);
}
