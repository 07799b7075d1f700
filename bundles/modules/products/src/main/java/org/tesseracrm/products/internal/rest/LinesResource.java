package org.tesseracrm.products.internal.rest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.products.api.DocumentTotals;
import org.tesseracrm.products.api.LineAmounts;
import org.tesseracrm.products.api.LineInput;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.products.api.LineItems;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/records/{type}/{id}/lines}: the product lines of a record (an opportunity's products, a quote's
 * lines) with their totals, read and replaced through {@link LineItems}, which checks the record's view and edit
 * permissions for the token's user and the record type's guard. A whiteboard resource written with properties so the
 * module installs without the REST API. Amounts are JSON numbers with every digit, at the currency's scale.
 */
@Component(service = LinesResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.lines", "osgi.jakartars.extension.select=" + PriceListsResource.JSON})
@Path("v1/records/{type}/{id}/lines")
@Produces(MediaType.APPLICATION_JSON)
public class LinesResource {
    private final LineItems lineItems;

    /** @param lineItems does the work and checks the permissions */
    @Activate
    public LinesResource(@Reference LineItems lineItems) {
        this.lineItems = lineItems;
    }

    /**
     * @param type the record type, e.g. {@code opportunity}
     * @param id the record
     * @return its lines by position and their totals
     */
    @GET
    public LinesView getLines(@PathParam("type") String type, @PathParam("id") long id) {
        List<LineItem> lines = lineItems.lines(type, id);
        return LinesView.of(type, id, lines, lineItems.totals(type, id));
    }

    /**
     * Replaces every line of the record (the order of the list is the lines' order; a line with the {@code id} of a
     * stored line keeps it).
     *
     * @param type the record type
     * @param id the record
     * @param request the currency and the new lines
     * @return the stored lines and their totals
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public LinesView replaceLines(@PathParam("type") String type, @PathParam("id") long id, LinesRequest request) {
        LinesRequest body = request == null ? new LinesRequest(null, null) : request;
        List<FieldError> missing = new ArrayList<>();
        if (body.lines() == null) {
            missing.add(new FieldError("lines", "Send the lines, e.g. \"lines\": [] for none"));
        } else {
            for (int i = 0; i < body.lines().size(); i++) {
                LineRequest line = body.lines().get(i);
                if (line == null || line.unitPrice() == null) {
                    missing.add(new FieldError("lines[" + i + "].unitPrice", "Enter a price"));
                }
                if (line == null || line.quantity() == null) {
                    missing.add(new FieldError("lines[" + i + "].quantity", "Enter a quantity above 0"));
                }
            }
        }
        if (!missing.isEmpty()) {
            // the service says first whether the caller may see the record (403, 404), then the body is refused
            lineItems.lines(type, id);
            throw new ValidationException(missing);
        }
        String currency = body.currency() == null ? lineItems.currency(type, id)
                .orElseGet(lineItems::defaultCurrency) : body.currency();
        List<LineItem> stored = lineItems.replace(type, id, currency, body.lines().stream().map(LineRequest::input)
                .toList());
        return LinesView.of(type, id, stored, DocumentTotals.ofLines(stored.isEmpty() ? currency.strip().toUpperCase(Locale.ROOT) : stored.get(0).currency(), stored));
    }

    /**
     * What a PUT takes.
     *
     * @param currency the ISO 4217 code of the document; null keeps the lines' currency (or the default)
     * @param lines the new lines in order; {@code []} removes every line
     */
    public record LinesRequest(String currency, List<LineRequest> lines) {
    }

    /**
     * One line as a PUT takes it.
     *
     * @param id the id of a stored line to keep; null for a new line
     * @param productId the product (an active one for a new line)
     * @param description the description; null for none
     * @param unitPrice the price of one unit
     * @param quantity the quantity
     * @param discountPercent the discount in percent; null for none
     * @param taxPercent the tax in percent; null for none
     */
    public record LineRequest(Long id, Long productId, String description, BigDecimal unitPrice, BigDecimal quantity,
            BigDecimal discountPercent, BigDecimal taxPercent) {
        LineInput input() {
            return new LineInput(Optional.ofNullable(id), productId == null ? 0 : productId,
                    description == null ? "" : description, unitPrice, quantity,
                    discountPercent == null ? BigDecimal.ZERO : discountPercent,
                    taxPercent == null ? BigDecimal.ZERO : taxPercent);
        }
    }

    /**
     * A record's lines as the API shows them.
     *
     * @param recordType the record type
     * @param recordId the record
     * @param currency the currency of every amount
     * @param lines the lines by position
     * @param totals their totals
     */
    public record LinesView(String recordType, long recordId, String currency, List<LineView> lines,
            TotalsView totals) {
        static LinesView of(String type, long id, List<LineItem> lines, DocumentTotals totals) {
            return new LinesView(type, id, totals.currency(), lines.stream().map(LineView::of).toList(),
                    TotalsView.of(totals));
        }
    }

    /**
     * One line as the API shows it.
     *
     * @param id its id
     * @param position its place, 1 for the first
     * @param productId the product
     * @param productCode its code when the line was added
     * @param productName its name when the line was added
     * @param description the description
     * @param costType Monthly, On demand or One time
     * @param unitPrice the price of one unit
     * @param quantity the quantity
     * @param discountPercent the discount in percent
     * @param taxPercent the tax in percent
     * @param amount unit price x quantity
     * @param discount the discount
     * @param net amount less discount
     * @param tax the tax on the net
     * @param total net plus tax
     */
    public record LineView(long id, int position, long productId, String productCode, String productName,
            String description, String costType, BigDecimal unitPrice, BigDecimal quantity, BigDecimal discountPercent,
            BigDecimal taxPercent, BigDecimal amount, BigDecimal discount, BigDecimal net, BigDecimal tax,
            BigDecimal total) {
        static LineView of(LineItem l) {
            LineAmounts a = l.amounts();
            return new LineView(l.id(), l.position(), l.productId(), l.productCode(), l.productName(), l.description(),
                    l.costType(), l.unitPrice(), l.quantity(), l.discountPercent(), l.taxPercent(), a.amount(),
                    a.discount(), a.net(), a.tax(), a.total());
        }
    }

    /**
     * Sums of line amounts.
     *
     * @param amount the subtotal (price x quantity)
     * @param discount the discounts
     * @param net subtotal less discounts
     * @param tax the taxes
     * @param total net plus taxes
     */
    public record AmountsView(BigDecimal amount, BigDecimal discount, BigDecimal net, BigDecimal tax,
            BigDecimal total) {
        static AmountsView of(LineAmounts a) {
            return new AmountsView(a.amount(), a.discount(), a.net(), a.tax(), a.total());
        }
    }

    /**
     * A document's totals as the API shows them.
     *
     * @param currency the currency
     * @param lines the number of lines
     * @param byCostType the sums per cost type (Monthly, On demand, One time, then any other)
     * @param overall the sums over every line
     */
    public record TotalsView(String currency, int lines, Map<String, AmountsView> byCostType, AmountsView overall) {
        static TotalsView of(DocumentTotals t) {
            Map<String, AmountsView> byType = new LinkedHashMap<>();
            t.byCostType().forEach((type, amounts) -> byType.put(type, AmountsView.of(amounts)));
            return new TotalsView(t.currency(), t.lines(), byType, AmountsView.of(t.overall()));
        }
    }
}
