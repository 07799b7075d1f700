package org.tesseracrm.quotes.internal.pdf;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.ui.CrmView;
import org.tesseracrm.kernel.api.ui.ViewContribution;
import org.tesseracrm.quotes.internal.QuotesModule;

import com.vaadin.flow.component.Component;

/** Contributes the quote template's admin page at {@code /admin/quote-template}, for {@code quotes.configure}. */
@org.osgi.service.component.annotations.Component(service = ViewContribution.class)
@CrmView(route = "admin/quote-template", title = "Quote template", icon = "vaadin:file-text-o", group = "Administration",
        order = 66, permission = QuotesModule.CONFIGURE)
public class QuoteTemplateViewContribution implements ViewContribution {
    private final QuotePdf pdf;

    /** @param pdf the quote PDF service */
    @Activate
    public QuoteTemplateViewContribution(@Reference QuotePdf pdf) {
        this.pdf = pdf;
    }

    @Override
    public Class<? extends Component> viewType() {
        return QuoteTemplateView.class;
    }

    @Override
    public Component createView() {
        return new QuoteTemplateView(pdf);
    }
}
