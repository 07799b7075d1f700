package org.tesseracrm.quotes.internal.service;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.products.api.LineItems;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.PriceLists;
import org.tesseracrm.quotes.api.QuoteFields;

/**
 * The quotes' rules, kept in the record platform's change whoever makes it (form, import, REST API, bulk edit), in
 * its transaction:
 * <ul>
 * <li>a new quote is a Draft with the next number of the year ({@code Q-2026-00042}) and revision 1 (a revision
 * made by the service keeps its quote's number);</li>
 * <li>the number, revision links and totals are the module's: a plain create or edit that sets them is refused;</li>
 * <li>a quote that is not a Draft is frozen: a plain edit may only move its status on (Sent to Accepted, Rejected
 * or Expired) or hand it to another owner; every other change is refused with "This quote was sent: make a
 * revision to change it". Draft to Sent is the service's Send;</li>
 * <li>a quote with a price list takes the list's currency; a currency or price list other than its lines' is
 * refused while it has lines; without either the quote gets the product currency default;</li>
 * <li>a deleted quote leaves its neighbours' revision links; frozen quotes are not merged.</li>
 * </ul>
 * The service is told apart as in the Leads module: it writes with the added permission {@link #SERVICE_WRITE},
 * which no profile can hold.
 */
@Component(property = RecordType.ID + "=" + QuoteFields.RECORD_TYPE)
public class QuoteLifecycle implements RecordLifecycle {
    /** Marks the service's own writes (number, links, totals, Send); declared by no module. */
    static final String SERVICE_WRITE = "quotes.internal.service-write";

    private final CallerContext callers;
    private final PriceLists priceLists;
    private final LineItems lines;

    /**
     * @param callers tells the service's writes from others, reads price lists with the platform's rights
     * @param priceLists the price list a quote names, whose currency it takes
     * @param lines the quote's lines, whose currency a change must keep
     * @param schema the module's tables
     */
    @Activate
    public QuoteLifecycle(@Reference CallerContext callers, @Reference PriceLists priceLists,
            @Reference LineItems lines,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.quotes)") MigratedSchema schema) {
        this.callers = callers;
        this.priceLists = priceLists;
        this.lines = lines;
    }

    @Override
    public void afterCreate(Change change) throws SQLException {
        RecordRow row = change.after().orElseThrow();
        if (!byService()) {
            refuse(QuoteRules.createErrors(row));
        }
        if (!QuoteFields.DRAFT.equals(row.text(QuoteFields.STATUS))) {
            QuoteStore.setText(change.connection(), row.id(), "STATUS", QuoteFields.DRAFT);
        }
        if (row.text(QuoteFields.NUMBER).isEmpty()) {
            int year = row.dateTime("createdAt").orElse(LocalDateTime.now(ZoneOffset.UTC)).getYear();
            QuoteStore.setNumber(change.connection(), row.id(),
                    QuoteRules.number(year, QuoteStore.nextNumber(change.connection(), year)), 1);
        }
        Optional<String> currency = listCurrency(row);
        if (currency.isEmpty() && row.text(QuoteFields.CURRENCY).isEmpty()) {
            currency = Optional.of(callers.callAs(Caller.SYSTEM, lines::defaultCurrency));
        }
        if (currency.isPresent() && !currency.get().equals(row.text(QuoteFields.CURRENCY))) {
            QuoteStore.setText(change.connection(), row.id(), "CURRENCY", currency.get());
        }
    }

    @Override
    public void afterUpdate(Change change) throws SQLException {
        RecordRow before = change.before().orElseThrow();
        RecordRow after = change.after().orElseThrow();
        if (!byService()) {
            refuse(QuoteRules.updateErrors(before, after));
        }
        boolean listChanged = !QuoteRules.same(before.values().get(QuoteFields.PRICE_LIST),
                after.values().get(QuoteFields.PRICE_LIST));
        boolean currencyChanged = !before.text(QuoteFields.CURRENCY).equals(after.text(QuoteFields.CURRENCY));
        if (!listChanged && !currencyChanged) {
            return;
        }
        Optional<String> currency = listCurrency(after);
        String wanted = currency.orElse(after.text(QuoteFields.CURRENCY));
        Optional<String> ofLines = lines.currency(QuoteFields.RECORD_TYPE, after.id());
        if (ofLines.isPresent() && !ofLines.get().equals(wanted)) {
            String field = listChanged ? QuoteFields.PRICE_LIST : QuoteFields.CURRENCY;
            refuse(List.of(new FieldError(field, "The quote's lines are in " + ofLines.get() + ": choose a price list "
                    + "in " + ofLines.get() + ", or remove the lines first")));
        }
        if (currency.isPresent() && !currency.get().equals(after.text(QuoteFields.CURRENCY))) {
            QuoteStore.setText(change.connection(), after.id(), "CURRENCY", currency.get());
        }
    }

    @Override
    public void beforeDelete(Change change) throws SQLException {
        QuoteStore.unlink(change.connection(), change.id());
    }

    @Override
    public void beforeMerge(Change change, RecordRow merged) throws SQLException {
        RecordRow survivor = change.before().orElseThrow();
        for (RecordRow quote : List.of(survivor, merged)) {
            if (QuoteRules.frozen(quote)) {
                refuse(List.of(new FieldError(QuoteFields.STATUS, "Only draft quotes are merged: "
                        + QuoteRules.frozenMessage(QuoteRules.status(quote)))));
            }
        }
    }

    /** @return the currency of the quote's price list; empty without one; a field error for an unknown list */
    private Optional<String> listCurrency(RecordRow row) {
        Optional<java.math.BigDecimal> id = row.decimal(QuoteFields.PRICE_LIST);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        try {
            long listId = id.get().longValueExact();
            PriceList list = callers.callAs(Caller.SYSTEM, () -> priceLists.get(listId));
            return Optional.of(list.currency());
        } catch (ArithmeticException | NotFoundException e) {
            throw new ValidationException(List.of(new FieldError(QuoteFields.PRICE_LIST,
                    "There is no price list " + id.get().toPlainString())));
        }
    }

    private boolean byService() {
        return callers.addedPermissions().contains(SERVICE_WRITE);
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
