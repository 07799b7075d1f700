package org.tesseracrm.quotes.internal.service;

import java.math.BigDecimal;
import java.util.Set;
import java.util.function.Supplier;

import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.products.api.DocumentTotals;
import org.tesseracrm.products.api.LineItems;
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.internal.QuotesModule;

/**
 * Keeps a quote's copy of its lines' totals ({@code subtotal}, {@code discount}, {@code tax}, {@code total}) and makes
 * the service's own writes of a quote: through {@link Records} as the caller, with the added permission
 * {@link QuoteLifecycle#SERVICE_WRITE} that tells the lifecycle they are the module's.
 */
final class QuoteTotals {
    /** The decimals of the record platform's money fields, where the totals are copied. */
    private static final int MONEY_SCALE = 2;

    private final Records records;
    private final LineItems lines;
    private final CallerContext callers;
    private final TransactionScope scope;

    QuoteTotals(Records records, LineItems lines, CallerContext callers, TransactionScope scope) {
        this.records = records;
        this.lines = lines;
        this.callers = callers;
        this.scope = scope;
    }

    /**
     * Writes the lines' totals onto the quote if they differ from those it holds.
     *
     * @param quoteId a quote the caller sees
     * @return the quote as it is now
     */
    RecordRow keep(long quoteId) {
        return scope.required(c -> keep(quoteId, lines.totals(QuoteFields.RECORD_TYPE, quoteId)));
    }

    /**
     * Writes given totals onto the quote if they differ from those it holds.
     *
     * @param quoteId a quote the caller sees
     * @param totals its lines' totals
     * @return the quote as it is now
     */
    RecordRow keep(long quoteId, DocumentTotals totals) {
        return scope.required(c -> {
            RecordRow quote = open(quoteId);
            if (totals.overall().total().scale() > MONEY_SCALE) {
                return quote; // the record's money fields hold 2 decimals: no copy rather than a rounded one
            }
            RecordValues.Builder values = RecordValues.builder();
            boolean changed = put(values, quote, QuoteFields.SUBTOTAL, totals.overall().amount())
                    | put(values, quote, QuoteFields.DISCOUNT, totals.overall().discount())
                    | put(values, quote, QuoteFields.TAX, totals.overall().tax())
                    | put(values, quote, QuoteFields.TOTAL, totals.overall().total());
            return changed ? write(quote, values.build()) : quote;
        });
    }

    private static boolean put(RecordValues.Builder values, RecordRow quote, String field, BigDecimal value) {
        values.set(field, value);
        return !QuoteRules.same(quote.values().get(field), value);
    }

    /** @return the quote if the caller sees it */
    RecordRow open(long quoteId) {
        return records.get(QuoteFields.RECORD_TYPE, quoteId).orElseThrow(() -> new NotFoundException("Quote", quoteId));
    }

    /** Writes the module's own values of a quote, with the service's mark. */
    RecordRow write(RecordRow quote, RecordValues values) {
        return asService(() -> records.update(QuoteFields.RECORD_TYPE, quote.id(), quote.version(), values));
    }

    /** Runs work as the caller with the service's mark and {@code quotes.edit} (a quote the caller just made). */
    <T> T asService(Supplier<T> work) {
        return callers.callWithPermissions(Set.of(QuoteLifecycle.SERVICE_WRITE, QuotesModule.EDIT), work);
    }
}
