package org.tesseracrm.quotes.internal.ui;

import org.tesseracrm.kernel.ui.kit.RecordBoard;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.kernel.ui.kit.RecordsView;
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.api.Quotes;

/**
 * The quotes list and form, both the kit's (the module's buttons and lines join the form through
 * {@link QuoteActions} and {@link QuoteLinesPanel}), with a board grouped by status. A card moved to Sent is sent
 * (its PDF kept), to Accepted accepted, to Rejected rejected, through the service. Element ids are the kit's with
 * the prefixes {@code quotes} (list, {@code quotes-board-toggle}) and {@code quote} (form).
 */
public class QuotesView extends RecordsView {
    private static final long serialVersionUID = 1L;

    /**
     * @param kit the record kit
     * @param quotes moves the cards
     */
    public QuotesView(RecordKit kit, Quotes quotes) {
        super(kit, QuoteFields.RECORD_TYPE, "quotes", "quote");
        offerBoard(RecordBoard.Settings.defaults().groupedBy(QuoteFields.STATUS)
                .cards(QuoteFields.NUMBER, QuoteFields.SUBJECT, QuoteFields.COMPANY, QuoteFields.TOTAL,
                        QuoteFields.VALID_UNTIL)
                .movedBy(new QuoteMoves(kit.records(), quotes)));
    }
}
