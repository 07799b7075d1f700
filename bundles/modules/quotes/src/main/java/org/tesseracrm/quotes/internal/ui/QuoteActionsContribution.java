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
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.api.Quotes;

/**
 * Adds Send, Revise, Accept…, Reject, Download PDF and the revision banner to the quote form, wherever it is opened
 * (list, board, global search), as a {@link RecordPanel} whose component acts on the form ({@link QuoteActions}).
 */
@org.osgi.service.component.annotations.Component(service = RecordPanel.class,
        property = {RecordType.ID + "=" + QuoteFields.RECORD_TYPE, RecordPanel.ORDER + ":Integer=0"})
public class QuoteActionsContribution implements RecordPanel {
    private final QuoteServices services;

    /**
     * @param quotes sends, revises, accepts, rejects, makes the PDF
     * @param lines the quote's lines
     * @param kit opens the revisions' forms
     * @param access shows the actions to users who may use them
     */
    @Activate
    public QuoteActionsContribution(@Reference Quotes quotes, @Reference LineItems lines, @Reference RecordKit kit,
            @Reference AccessControl access) {
        this.services = new QuoteServices(quotes, lines, kit, access);
    }

    @Override
    public Optional<Component> create(String recordType, long recordId, String title) {
        return Optional.of(new QuoteActions(services));
    }
}
