package org.tesseracrm.products.internal.ui;

import java.math.BigDecimal;
import java.util.List;

import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.ui.kit.FormPart;
import org.tesseracrm.kernel.ui.kit.LocalTimes;
import org.tesseracrm.kernel.ui.kit.RecordForm;
import org.tesseracrm.products.api.DocumentTotals;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.products.api.LineItems;
import org.tesseracrm.products.api.Money;
import org.tesseracrm.products.ui.LinesEditor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * The opportunity's products: the {@link LinesEditor} over the opportunity's lines, in the opportunity's currency
 * (its {@code currency} field; the products' default currency when it has none), with Save and "Use total as amount",
 * which sets the opportunity's amount to the lines' overall total through the record platform (so the
 * opportunity's permissions, rules, lifecycle and audit apply) and closes the form, whose amount and version are
 * then stale (the list shows the new amount). Element ids: {@code opportunity-lines},
 * {@code opportunity-lines-save}, {@code opportunity-lines-use-total}, {@code opportunity-lines-currency}; the
 * editor's own (see {@link LinesEditor}).
 */
class OpportunityLinesPanel extends Details implements FormPart {
    private static final long serialVersionUID = 1L;
    /** The opportunity's amount and currency fields (the Opportunities module's names). */
    static final String AMOUNT = "amount";
    static final String CURRENCY = "currency";

    private final transient LineItems lineItems;
    private final transient Records records;
    private final String recordType;
    private final long recordId;
    private final LinesEditor editor;
    private final Paragraph currencyNote = new Paragraph();
    private transient RecordForm form;

    OpportunityLinesPanel(LineItems lineItems, Records records, String recordType, long recordId, boolean mayEdit) {
        super("Products");
        this.lineItems = lineItems;
        this.records = records;
        this.recordType = recordType;
        this.recordId = recordId;
        setId("opportunity-lines");
        setWidthFull();
        String currency = currency();
        editor = new LinesEditor(lineItems, records, currency);
        List<LineItem> lines = lineItems.lines(recordType, recordId);
        editor.setLines(lines);
        editor.setReadOnly(!mayEdit);
        currencyNote.setId("opportunity-lines-currency");
        String stored = lines.isEmpty() ? currency : lines.get(0).currency();
        currencyNote.setText(stored.equals(currency) ? "Amounts in " + currency + "."
                : "The lines were saved in " + stored + "; the opportunity is in " + currency
                        + ": saving keeps the numbers and makes them " + currency + ".");
        add(currencyNote, editor);
        if (mayEdit) {
            Button save = new Button("Save products", e -> editor.save(recordType, recordId).ifPresent(saved -> {
                currencyNote.setText("Amounts in " + editor.getCurrency() + ".");
                Notification.show("Products saved", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            }));
            save.setId("opportunity-lines-save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button useTotal = new Button("Use total as amount", e -> useTotal());
            useTotal.setId("opportunity-lines-use-total");
            useTotal.setTooltipText("Saves the products and sets the opportunity's amount to their total");
            add(new HorizontalLayout(save, useTotal));
        }
        setOpened(true);
    }

    /** Keeps the form, which "Use total as amount" closes (refreshing the list) once the amount changed. */
    @Override
    public void attach(RecordForm opened) {
        this.form = opened;
    }

    /** @return the opportunity's currency, else the products' default */
    private String currency() {
        return records.get(recordType, recordId).map(r -> r.text(CURRENCY)).filter(Money::isCurrency)
                .map(String::toUpperCase).orElseGet(lineItems::defaultCurrency);
    }

    /** Saves the lines, then sets the opportunity's amount to their overall total. */
    private void useTotal() {
        if (editor.save(recordType, recordId).isEmpty()) {
            return;
        }
        DocumentTotals totals = lineItems.totals(recordType, recordId);
        BigDecimal amount = totals.overall().total();
        try {
            RecordRow opportunity = records.get(recordType, recordId)
                    .orElseThrow(() -> new ConflictException("The opportunity is gone"));
            records.update(recordType, recordId, opportunity.version(), RecordValues.builder().set(AMOUNT, amount)
                    .build());
            Notification.show("Amount set to " + LocalTimes.current().text(amount) + " " + totals.currency(), 5000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            if (form != null) {
                form.closeChanged(); // the form holds the old amount and version: close it, the list shows the new
            }
        } catch (ValidationException ex) {
            fail(ex.errors().stream().map(FieldError::message).reduce((a, b) -> a + " " + b).orElse(ex.getMessage()));
        } catch (CrmException ex) {
            fail(ex.getMessage());
        }
    }

    private static void fail(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
