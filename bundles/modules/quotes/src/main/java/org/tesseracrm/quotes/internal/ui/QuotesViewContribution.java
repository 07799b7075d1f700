package org.tesseracrm.quotes.internal.ui;

import com.vaadin.flow.component.Component;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.kernel.ui.kit.RecordKit;
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.api.Quotes;
import org.tesseracrm.quotes.internal.QuotesModule;

/** Contributes the quotes list and board at {@code /quotes} with its menu entry under Sales. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "quotes", title = "Quotes", icon = "vaadin:invoice", group = "Sales", order = 50,
        permission = QuotesModule.VIEW)
public class QuotesViewContribution implements ViewContribution {
    private final RecordKit kit;
    private final Quotes quotes;

    /**
     * @param kit the record list, board and form
     * @param quotes moves the board's cards
     * @param type the record type, so the view appears only once it is registered (its schema migrated)
     */
    @Activate
    public QuotesViewContribution(@Reference RecordKit kit, @Reference Quotes quotes,
            @Reference(target = "(" + RecordType.ID + "=" + QuoteFields.RECORD_TYPE + ")") RecordType type) {
        this.kit = kit;
        this.quotes = quotes;
    }

    @Override
    public Class<? extends Component> viewType() {
        return QuotesView.class;
    }

    @Override
    public Component createView() {
        return new QuotesView(kit, quotes);
    }
}
