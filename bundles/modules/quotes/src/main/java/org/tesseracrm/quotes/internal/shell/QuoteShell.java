package org.tesseracrm.quotes.internal.shell;

import java.math.BigDecimal;

import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.quotes.api.QuoteFields;

/** How the quote commands print a quote: one line. */
final class QuoteShell {
    private QuoteShell() {
    }

    /**
     * @param quote a quote
     * @return e.g. {@code Q-2026-00042 rev 2 (id 17) Draft "Office chairs" 229.78 EUR}
     */
    static String line(RecordRow quote) {
        return quote.text(QuoteFields.NUMBER) + " rev "
                + quote.decimal(QuoteFields.REVISION).map(BigDecimal::toPlainString).orElse("1") + " (id " + quote.id()
                + ") " + quote.text(QuoteFields.STATUS) + " \"" + quote.text(QuoteFields.SUBJECT) + "\" "
                + quote.decimal(QuoteFields.TOTAL).map(BigDecimal::toPlainString).orElse("0") + " "
                + quote.text(QuoteFields.CURRENCY);
    }
}
