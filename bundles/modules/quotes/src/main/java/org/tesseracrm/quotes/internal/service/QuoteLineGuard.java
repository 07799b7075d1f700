package org.tesseracrm.quotes.internal.service;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.products.api.DocumentTotals;
import org.tesseracrm.products.api.LineGuard;
import org.tesseracrm.products.api.LineItems;
import org.tesseracrm.quotes.api.QuoteFields;

/**
 * Freezes the lines of a quote that is not a draft: the Products module's line items ask it before any line of a
 * quote changes (after checking the caller may edit the quote), and it refuses with "This quote was sent: make a
 * revision to change it". After a change it allowed, whoever made it (the quote form, {@code Quotes.saveLines}, the
 * products module's {@code /api/v1/records/quote/{id}/lines}), it writes the new totals onto the quote in the same
 * transaction.
 */
@Component(property = RecordType.ID + "=" + QuoteFields.RECORD_TYPE)
public class QuoteLineGuard implements LineGuard {
    private final Records records;
    private final CallerContext callers;
    private final QuoteTotals totals;

    /**
     * @param records the quote's status
     * @param lines the quote's lines, whose totals the quote keeps
     * @param callers reads the status with the platform's rights (the caller's were checked before); keeps the
     *     totals as the caller
     * @param scope the lines' transaction
     */
    @Activate
    public QuoteLineGuard(@Reference Records records, @Reference LineItems lines, @Reference CallerContext callers,
            @Reference TransactionScope scope) {
        this.records = records;
        this.callers = callers;
        this.totals = new QuoteTotals(records, lines, callers, scope);
    }

    @Override
    public void check(String recordType, long recordId) {
        Optional<RecordRow> quote = callers.callAs(Caller.SYSTEM, () -> records.get(QuoteFields.RECORD_TYPE, recordId));
        if (quote.isPresent() && QuoteRules.frozen(quote.get())) {
            throw new ConflictException(QuoteRules.frozenMessage(QuoteRules.status(quote.get())));
        }
    }

    /** Writes the new totals onto the quote, in the lines' transaction (as the user, with the service's mark). */
    @Override
    public void changed(String recordType, long recordId, DocumentTotals newTotals) {
        totals.keep(recordId, newTotals);
    }
}
