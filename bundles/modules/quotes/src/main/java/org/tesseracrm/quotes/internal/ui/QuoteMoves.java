package org.tesseracrm.quotes.internal.ui;

import java.util.Optional;

import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.ui.kit.RecordBoard;
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.api.Quotes;

/**
 * Moves a quote's card on the status board: to Sent through {@link Quotes#send} (frozen, PDF kept), to Accepted
 * through {@link Quotes#accept} (the opportunity's amount is left alone: the form's Accept… asks), to Rejected
 * through {@link Quotes#reject}; to any other status as a plain change of the status, which the module's lifecycle
 * checks (a sent quote does not go back to Draft).
 */
final class QuoteMoves implements RecordBoard.Mover {
    private final Records records;
    private final Quotes quotes;

    QuoteMoves(Records records, Quotes quotes) {
        this.records = records;
        this.quotes = quotes;
    }

    @Override
    public RecordRow move(RecordRow row, Optional<String> status, RecordValues also) {
        String to = status.orElse("");
        return switch (to) {
            case QuoteFields.SENT -> quotes.send(row.id());
            case QuoteFields.ACCEPTED -> quotes.accept(row.id(), false);
            case QuoteFields.REJECTED -> quotes.reject(row.id());
            default -> records.update(QuoteFields.RECORD_TYPE, row.id(), row.version(),
                    RecordValues.builder().setValue(QuoteFields.STATUS, status.orElse(null)).build());
        };
    }
}
