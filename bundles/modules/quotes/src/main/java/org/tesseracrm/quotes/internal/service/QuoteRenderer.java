package org.tesseracrm.quotes.internal.service;

import java.util.List;

import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.products.api.DocumentTotals;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.quotes.api.QuoteFile;

/**
 * The seam between the quotes service and the PDF: whatever makes a quote's PDF registers this (the module's
 * {@code internal.pdf} package does, on the {@code crm-pdf} renderer). Without one, Send still sends (no PDF is kept)
 * and a PDF download says the renderer is missing. It checks no permission: the service checked them.
 */
public interface QuoteRenderer {
    /**
     * @param quote the quote, all fields
     * @param lines its lines by position
     * @param totals their totals
     * @return the PDF file
     */
    QuoteFile render(RecordRow quote, List<LineItem> lines, DocumentTotals totals);
}
