package org.tesseracrm.quotes.internal.ui;

import java.math.BigDecimal;
import java.util.Optional;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.details.Details;

import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.ui.kit.FormPart;
import org.tesseracrm.kernel.ui.kit.RecordForm;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.PriceLists;
import org.tesseracrm.products.ui.LinesEditor;
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.internal.QuotesModule;

/**
 * The quote's offer detail on its form ({@code quote-lines}): the Products module's lines editor in the quote's
 * currency and price list, with the totals per cost type and overall; Save lines ({@code quote-lines-save}) saves
 * them through the quotes service, which keeps the totals on the quote, and opens the form again with them. On a
 * draft, the price list to price new lines from is chosen by name ({@code quote-price-list}, for users who see price
 * lists): the quote takes it and its currency. Read-only on a quote that is not a draft, or without
 * {@code quotes.edit}.
 */
class QuoteLinesPanel extends Details implements FormPart {
    private static final long serialVersionUID = 1L;

    private final transient QuoteServices services;
    private final transient RecordRow quote;
    private final transient PriceLists priceLists;
    private final LinesEditor editor;

    QuoteLinesPanel(QuoteServices services, PriceLists priceLists, RecordRow quote) {
        this.services = services;
        this.priceLists = priceLists;
        this.quote = quote;
        setId("quote-lines");
        setSummaryText("Offer detail");
        setOpened(true);
        setWidthFull();
        String currency = quote.text(QuoteFields.CURRENCY).isEmpty() ? services.lines().defaultCurrency()
                : quote.text(QuoteFields.CURRENCY);
        editor = new LinesEditor(services.lines(), services.kit().records(), currency);
        editor.setPriceList(quote.decimal(QuoteFields.PRICE_LIST).map(BigDecimal::longValue));
        editor.setLines(services.lines().lines(QuoteFields.RECORD_TYPE, quote.id()));
        boolean draft = QuoteFields.DRAFT.equals(quote.text(QuoteFields.STATUS)) || quote.text(QuoteFields.STATUS)
                .isEmpty();
        editor.setReadOnly(!draft || !services.access().permitted(QuotesModule.EDIT));
        add(editor);
    }

    @Override
    public void attach(RecordForm form) {
        if (editor.isReadOnly()) {
            return;
        }
        priceList(form);
        Button save = new Button("Save lines", e -> {
            try {
                services.quotes().saveLines(quote.id(), editor.getLines());
                // the totals changed the quote's version: the form opens again with them
                form.closeChanged();
                QuoteServices.done("Lines saved");
                services.open(QuoteFields.RECORD_TYPE, quote.id());
            } catch (ValidationException ex) {
                editor.showErrors(ex);
            } catch (CrmException ex) {
                QuoteServices.error(ex.getMessage());
            }
        });
        save.setId(form.idPrefix() + "-lines-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        add(save);
    }

    /** The price list chooser: picking one saves it on the quote (which takes its currency) and reopens the form. */
    private void priceList(RecordForm form) {
        java.util.List<PriceList> lists;
        try {
            lists = priceLists.lists();
        } catch (PermissionDeniedException e) {
            return; // the user does not see price lists: the quote's Price list field stays as it is
        }
        ComboBox<PriceList> choice = new ComboBox<>("Price list");
        choice.setId(form.idPrefix() + "-price-list");
        choice.setItems(lists);
        choice.setItemLabelGenerator(l -> l.name() + " (" + l.currency() + ")");
        choice.setClearButtonVisible(true);
        choice.setHelperText("New lines take its prices and quantity discounts; the quote takes its currency.");
        Optional<Long> current = quote.decimal(QuoteFields.PRICE_LIST).map(BigDecimal::longValue);
        lists.stream().filter(l -> current.isPresent() && l.id() == current.get()).findFirst().ifPresent(choice::setValue);
        choice.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                services.kit().records().update(QuoteFields.RECORD_TYPE, quote.id(), quote.version(),
                        RecordValues.builder().set(QuoteFields.PRICE_LIST,
                                e.getValue() == null ? null : BigDecimal.valueOf(e.getValue().id())).build());
                form.closeChanged();
                services.open(QuoteFields.RECORD_TYPE, quote.id());
            } catch (CrmException ex) {
                QuoteServices.error(ex.getMessage());
            }
        });
        addComponentAsFirst(choice);
    }

    /** @return the panel for a quote the user sees */
    static Optional<QuoteLinesPanel> of(QuoteServices services, PriceLists priceLists, long quoteId) {
        return services.kit().records().get(QuoteFields.RECORD_TYPE, quoteId)
                .map(q -> new QuoteLinesPanel(services, priceLists, q));
    }
}
