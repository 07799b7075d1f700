package org.tesseracrm.quotes.internal.service;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.products.api.LineGuard;
import org.tesseracrm.quotes.api.QuoteFields;

/**
 * Freezes the lines of a quote that is not a draft: the Products module's line items ask it before any line of a
 * quote changes (after checking the caller may edit the quote), and it refuses with "This quote was sent: make a
 * revision to change it".
 */
@Component(property = RecordType.ID + "=" + QuoteFields.RECORD_TYPE)
public class QuoteLineGuard implements LineGuard {
    private final Records records;
    private final CallerContext callers;

    /**
     * @param records the quote's status
     * @param callers reads it with the platform's rights (the caller's rights were checked before)
     */
    @Activate
    public QuoteLineGuard(@Reference Records records, @Reference CallerContext callers) {
        this.records = records;
        this.callers = callers;
    }

    @Override
    public void check(String recordType, long recordId) {
        Optional<RecordRow> quote = callers.callAs(Caller.SYSTEM, () -> records.get(QuoteFields.RECORD_TYPE, recordId));
        if (quote.isPresent() && QuoteRules.frozen(quote.get())) {
            throw new ConflictException(QuoteRules.frozenMessage(QuoteRules.status(quote.get())));
        }
    }
}
