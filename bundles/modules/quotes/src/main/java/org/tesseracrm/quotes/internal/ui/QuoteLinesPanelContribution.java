package org.tesseracrm.quotes.internal.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.ui.RecordPanel;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.products.api.LineItems;
import org.tesseracrm.products.api.PriceLists;
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.api.Quotes;

/** Adds the offer detail (lines and totals, {@link QuoteLinesPanel}) to the quote form, first among the panels. */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class,
        property = {RecordType.ID + "=" + QuoteFields.RECORD_TYPE, RecordPanel.ORDER + ":Integer=-10"})
public class QuoteLinesPanelContribution implements RecordPanel {
    private final QuoteServices services;
    private final PriceLists priceLists;

    /**
     * @param quotes saves the lines and keeps the totals
     * @param lines reads and proposes lines
     * @param kit reads the quote, opens it again after a save
     * @param access whether the user may change the lines
     * @param priceLists the price lists a draft is priced from
     */
    @Activate
    public QuoteLinesPanelContribution(@Reference Quotes quotes, @Reference LineItems lines, @Reference RecordKit kit,
            @Reference AccessControl access, @Reference PriceLists priceLists) {
        this.services = new QuoteServices(quotes, lines, kit, access);
        this.priceLists = priceLists;
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        return QuoteLinesPanel.of(services, priceLists, recordId).map(Component.class::cast);
    }
}
