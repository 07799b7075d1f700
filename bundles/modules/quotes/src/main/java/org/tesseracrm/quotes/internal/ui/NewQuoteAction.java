package org.tesseracrm.quotes.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Div;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.ui.kit.FormPart;
import org.tesseracrm.kernel.ui.kit.RecordForm;
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.internal.QuotesModule;

/**
 * "New quote" on an opportunity's form ({@code opportunity-new-quote}, for users with {@code quotes.create}): makes a
 * draft quote from the opportunity (subject, company, primary contact, product lines) and opens its form. The
 * component itself shows nothing: it acts on the form through {@link FormPart}.
 */
class NewQuoteAction extends Div implements FormPart {
    private static final long serialVersionUID = 1L;

    private final transient QuoteServices services;

    NewQuoteAction(QuoteServices services) {
        this.services = services;
        setVisible(false);
    }

    @Override
    public void attach(RecordForm form) {
        RecordRow opportunity = form.record().orElse(null);
        if (opportunity == null || !services.access().permitted(QuotesModule.CREATE)) {
            return;
        }
        Button quote = new Button("New quote", new Icon(VaadinIcon.INVOICE), e -> {
            try {
                RecordRow made = services.quotes().fromOpportunity(opportunity.id());
                form.close();
                QuoteServices.done("Quote " + made.text(QuoteFields.NUMBER) + " made from the opportunity");
                services.open(QuoteFields.RECORD_TYPE, made.id());
            } catch (CrmException ex) {
                QuoteServices.error(ex.getMessage());
            }
        });
        quote.setId(form.idPrefix() + "-new-quote");
        form.addAction(quote);
    }
}
