package org.tesseracrm.quotes.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.products.api.LineInput;

/**
 * What a quote goes through: made (from an opportunity or as a revision), sent, accepted, rejected, expired. Every
 * method checks the caller's permissions and that they see the records concerned, and runs in one transaction;
 * plain field and line edits go through the record platform and the Products module's line items, whose rules this
 * module keeps (a quote that is not a draft is frozen).
 */
@ProviderType
public interface Quotes {
    /**
     * Makes a draft quote from an opportunity: its subject, company, contact (the opportunity's primary contact, see
     * the module README), e-mail, currency and its product lines.
     *
     * @param opportunityId an opportunity the caller sees
     * @return the new quote (revision 1, status Draft, owned by the caller)
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code quotes.create}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the opportunity
     */
    RecordRow fromOpportunity(long opportunityId);

    /**
     * Saves a draft quote's lines (the list is the new content and order: add, remove, change and reorder in one
     * save, through the Products module's line items in the quote's currency) and writes their totals onto the quote
     * (subtotal, discount, tax, total), in one transaction.
     *
     * @param quoteId a draft quote the caller may edit
     * @param lines the new lines in order; empty removes them all
     * @return the quote with its new totals
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code quotes.edit}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the quote
     * @throws org.tesseracrm.kernel.api.ConflictException if the quote is not a draft ("This quote was sent: make a
     *     revision to change it")
     * @throws org.tesseracrm.kernel.api.ValidationException for bad lines (fields {@code lines[i].quantity}, ...)
     */
    RecordRow saveLines(long quoteId, List<LineInput> lines);

    /**
     * Sends a draft quote: its status becomes Sent, which freezes its fields and lines, and its PDF is kept as an
     * attachment of the quote.
     *
     * @param quoteId a quote the caller may edit
     * @return the quote after the change
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code quotes.edit}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the quote
     * @throws org.tesseracrm.kernel.api.ConflictException if the quote is not a draft
     */
    RecordRow send(long quoteId);

    /**
     * Makes the next revision of a quote: a draft copy of its fields and lines with the same number, revision n + 1,
     * linked both ways to the quote it revises (which stays as it is).
     *
     * @param quoteId a quote the caller sees that has no later revision yet
     * @return the new revision
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code quotes.create}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the quote
     * @throws org.tesseracrm.kernel.api.ConflictException if the quote already has a later revision
     */
    RecordRow revise(long quoteId);

    /**
     * Marks a sent quote accepted, and if asked sets the opportunity's amount to the quote's total (and its currency
     * to the quote's) through the record platform, so the opportunity's permissions apply.
     *
     * @param quoteId a sent quote the caller may edit
     * @param updateOpportunityAmount whether to update the linked opportunity's amount
     * @return the quote after the change
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code quotes.edit}, or without the
     *     opportunity's edit permission when asked to update it
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the quote (or its opportunity)
     * @throws org.tesseracrm.kernel.api.ConflictException if the quote is not Sent, or asked to update an
     *     opportunity it has none of
     */
    RecordRow accept(long quoteId, boolean updateOpportunityAmount);

    /**
     * Marks a sent quote rejected.
     *
     * @param quoteId a sent quote the caller may edit
     * @return the quote after the change
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code quotes.edit}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the quote
     * @throws org.tesseracrm.kernel.api.ConflictException if the quote is not Sent
     */
    RecordRow reject(long quoteId);

    /**
     * The quote as a PDF, made now from the current template.
     *
     * @param quoteId a quote the caller sees
     * @return the file
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code quotes.view}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the quote
     * @throws org.tesseracrm.kernel.api.CrmException if no PDF renderer is installed
     */
    QuoteFile pdf(long quoteId);

    /**
     * @param quoteId a quote the caller sees
     * @return every revision of the quote's number the caller sees, revision 1 first
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code quotes.view}
     * @throws org.tesseracrm.kernel.api.NotFoundException if the caller does not see the quote
     */
    List<RecordRow> revisions(long quoteId);

    /**
     * Marks Expired every Sent quote whose valid-until day is before today (UTC). The module does it on its own
     * every hour; this runs it now.
     *
     * @return how many quotes it marked
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@code quotes.edit}
     */
    int expire();
}
