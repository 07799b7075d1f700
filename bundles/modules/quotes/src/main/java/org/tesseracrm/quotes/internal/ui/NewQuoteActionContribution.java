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
import org.tesseracrm.quotes.api.Quotes;

/** Adds "New quote" to the opportunity form ({@link NewQuoteAction}). */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class,
        property = {RecordType.ID + "=opportunity", RecordPanel.ORDER + ":Integer=0"})
public class NewQuoteActionContribution implements RecordPanel {
    private final QuoteServices services;

    /**
     * @param quotes makes the quote
     * @param lines the quotes' lines
     * @param kit opens the new quote's form
     * @param access shows the action to users who may make quotes
     */
    @Activate
    public NewQuoteActionContribution(@Reference Quotes quotes, @Reference LineItems lines, @Reference RecordKit kit,
            @Reference AccessControl access) {
        this.services = new QuoteServices(quotes, lines, kit, access);
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        return Optional.of(new NewQuoteAction(services));
    }
}
