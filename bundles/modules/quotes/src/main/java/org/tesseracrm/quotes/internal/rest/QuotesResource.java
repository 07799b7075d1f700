package org.tesseracrm.quotes.internal.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordJson;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.products.api.DocumentTotals;
import org.tesseracrm.products.api.LineAmounts;
import org.tesseracrm.products.api.LineInput;
import org.tesseracrm.products.api.LineItem;
import org.tesseracrm.products.api.LineItems;
import org.tesseracrm.products.api.LineProposal;
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.api.QuoteFile;
import org.tesseracrm.quotes.api.Quotes;
import org.tesseracrm.quotes.internal.QuotesModule;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/quotes/...}: what a quote goes through (send, revise, accept, reject), its PDF, its revisions and its
 * lines, and a quote made from an opportunity, through {@link Quotes}, which checks the permissions and the records'
 * visibility for the token's user. The quotes' fields are read and written through {@code /api/v1/records/quote}.
 * Errors are problem+json by the REST runtime's mapper. Like the leads' resource, its whiteboard properties are
 * written out, so the module installs without crm-rest.
 */
@Component(service = QuotesResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.quotes", "osgi.jakartars.extension.select=" + QuotesResource.JSON})
@Path("v1/quotes")
@Produces(MediaType.APPLICATION_JSON)
public class QuotesResource {
    /** The REST runtime's JSON provider (its name is part of the REST runtime's contract with modules). */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";

    private final Quotes quotes;
    private final LineItems lines;
    private final Records records;
    private final CustomFields fields;
    private final AccessControl access;

    /**
     * @param quotes does the work and checks the permissions
     * @param lines the quotes' lines and new lines' proposed values
     * @param records reads a quote for its lines' currency and price list
     * @param fields the quote's fields, for its JSON form
     * @param access checks the permission before the body is looked at
     */
    @Activate
    public QuotesResource(@Reference Quotes quotes, @Reference LineItems lines, @Reference Records records,
            @Reference CustomFields fields, @Reference AccessControl access) {
        this.quotes = quotes;
        this.lines = lines;
        this.records = records;
        this.fields = fields;
        this.access = access;
    }

    /**
     * @param opportunityId an opportunity the caller sees
     * @return 201 with the new draft quote (subject, company, primary contact, lines from the opportunity)
     */
    @POST
    @Path("from-opportunity/{opportunityId}")
    public Response fromOpportunity(@PathParam("opportunityId") long opportunityId) {
        RecordRow quote = quotes.fromOpportunity(opportunityId);
        return created(quote);
    }

    /**
     * @param id a draft quote
     * @return the quote, sent (its PDF kept as an attachment)
     */
    @POST
    @Path("{id}/send")
    public Map<String, Object> send(@PathParam("id") long id) {
        return quote(quotes.send(id));
    }

    /**
     * @param id a quote that was sent and has no later revision
     * @return 201 with the new revision, a draft
     */
    @POST
    @Path("{id}/revise")
    public Response revise(@PathParam("id") long id) {
        return created(quotes.revise(id));
    }

    /**
     * @param id a sent quote
     * @param body {@code {"updateOpportunityAmount": true}} to set the opportunity's amount to the quote's total;
     *     may be omitted
     * @return the quote, accepted
     */
    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> accept(@PathParam("id") long id, AcceptBody body) {
        access.require(QuotesModule.EDIT);
        return quote(quotes.accept(id, body != null && Boolean.TRUE.equals(body.updateOpportunityAmount())));
    }

    /**
     * @param id a sent quote
     * @return the quote, rejected
     */
    @POST
    @Path("{id}/reject")
    public Map<String, Object> reject(@PathParam("id") long id) {
        return quote(quotes.reject(id));
    }

    /**
     * @param id a quote
     * @return its PDF, made now from the current template
     */
    @GET
    @Path("{id}/pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response pdf(@PathParam("id") long id) {
        QuoteFile file = quotes.pdf(id);
        return Response.ok(file.content(), file.contentType())
                .header("Content-Disposition", "attachment; filename=\"" + file.fileName().replace("\"", "") + "\"")
                .build();
    }

    /**
     * @param id a quote
     * @return every revision of its number the caller sees, revision 1 first
     */
    @GET
    @Path("{id}/revisions")
    public Map<String, Object> revisions(@PathParam("id") long id) {
        return Map.of("data", quotes.revisions(id).stream().map(this::quote).toList());
    }

    /**
     * @param id a quote
     * @return its lines and their totals per cost type and overall
     */
    @GET
    @Path("{id}/lines")
    public LinesView lines(@PathParam("id") long id) {
        access.require(QuotesModule.VIEW);
        return view(lines.lines(QuoteFields.RECORD_TYPE, id), lines.totals(QuoteFields.RECORD_TYPE, id));
    }

    /**
     * Replaces a draft quote's lines (add, remove, change, reorder in one call) and keeps its totals.
     *
     * @param id a draft quote
     * @param body the new lines in order; a line without {@code id} is new, and what it leaves out (price,
     *     discount, tax, description) is proposed from the quote's price list and the product
     * @return the stored lines and their totals
     */
    @PUT
    @Path("{id}/lines")
    @Consumes(MediaType.APPLICATION_JSON)
    public LinesView saveLines(@PathParam("id") long id, LinesBody body) {
        access.require(QuotesModule.EDIT);
        RecordRow quote = records.get(QuoteFields.RECORD_TYPE, id)
                .orElseThrow(() -> new org.tesseracrm.kernel.api.NotFoundException("Quote", id));
        List<LineBody> given = body == null || body.lines() == null ? List.of() : body.lines();
        List<FieldError> errors = new ArrayList<>();
        List<LineInput> input = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            input(quote, i, given.get(i), errors).ifPresent(input::add);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        quotes.saveLines(id, input);
        return view(lines.lines(QuoteFields.RECORD_TYPE, id), lines.totals(QuoteFields.RECORD_TYPE, id));
    }

    private Optional<LineInput> input(RecordRow quote, int i, LineBody line, List<FieldError> errors) {
        String at = "lines[" + i + "].";
        if (line == null || line.productId() == null) {
            errors.add(new FieldError(at + "product", "Give the product's id"));
            return Optional.empty();
        }
        if (line.quantity() == null) {
            errors.add(new FieldError(at + "quantity", "Give the quantity"));
            return Optional.empty();
        }
        if (line.unitPrice() != null && line.discountPercent() != null && line.taxPercent() != null
                && line.description() != null) {
            return Optional.of(new LineInput(Optional.ofNullable(line.id()), line.productId(), line.description(),
                    line.unitPrice(), line.quantity(), line.discountPercent(), line.taxPercent()));
        }
        String currency = quote.text(QuoteFields.CURRENCY).isEmpty() ? lines.defaultCurrency()
                : quote.text(QuoteFields.CURRENCY);
        Optional<Long> list = quote.decimal(QuoteFields.PRICE_LIST).map(BigDecimal::longValue);
        try {
            LineProposal p = lines.propose(line.productId(), line.quantity(), list, currency,
                    LocalDate.now(ZoneOffset.UTC));
            return Optional.of(new LineInput(Optional.ofNullable(line.id()), line.productId(),
                    line.description() != null ? line.description() : p.description(),
                    line.unitPrice() != null ? line.unitPrice() : p.unitPrice(), line.quantity(),
                    line.discountPercent() != null ? line.discountPercent() : p.discountPercent(),
                    line.taxPercent() != null ? line.taxPercent() : p.taxPercent()));
        } catch (ValidationException e) {
            e.errors().forEach(err -> errors.add(new FieldError(at + err.field(), err.message())));
            return Optional.empty();
        }
    }

    private Response created(RecordRow quote) {
        return Response.created(URI.create("/api/v1/records/quote/" + quote.id()))
                .header("ETag", "\"" + quote.version() + "\"").entity(quote(quote)).build();
    }

    private Map<String, Object> quote(RecordRow row) {
        return RecordJson.write(fields.fields(QuoteFields.RECORD_TYPE), row, List.of());
    }

    static LinesView view(List<LineItem> items, DocumentTotals totals) {
        Map<String, AmountsView> byCostType = new LinkedHashMap<>();
        totals.byCostType().forEach((type, amounts) -> byCostType.put(type, AmountsView.of(amounts)));
        return new LinesView(totals.currency(), items.stream().map(LineView::of).toList(), byCostType,
                AmountsView.of(totals.overall()));
    }

    /** @param updateOpportunityAmount whether to set the linked opportunity's amount to the quote's total */
    public record AcceptBody(Boolean updateOpportunityAmount) {
    }

    /** @param lines the new lines in order */
    public record LinesBody(List<LineBody> lines) {
    }

    /**
     * A line as the API takes it.
     *
     * @param id the id of a line kept (omitted for a new line)
     * @param productId the product (required)
     * @param quantity the quantity (required)
     * @param unitPrice the price; omitted: the price list's (or the product's) price
     * @param discountPercent the discount in percent; omitted: the quantity range's
     * @param taxPercent the tax in percent; omitted: the product's
     * @param description the description; omitted: the product's
     */
    public record LineBody(Long id, Long productId, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal discountPercent, BigDecimal taxPercent, String description) {
    }

    /**
     * A quote's lines and totals.
     *
     * @param currency the ISO 4217 code of every amount
     * @param lines the lines by position
     * @param byCostType the totals per cost type (Monthly, On demand, One time, then others)
     * @param total the overall totals
     */
    public record LinesView(String currency, List<LineView> lines, Map<String, AmountsView> byCostType,
            AmountsView total) {
    }

    /**
     * One line.
     *
     * @param id its id
     * @param position its position, from 1
     * @param productId the product
     * @param productCode the product's code as saved
     * @param productName the product's name as saved
     * @param description the description
     * @param costType the product's cost type as saved
     * @param unitPrice the price
     * @param quantity the quantity
     * @param discountPercent the discount in percent
     * @param taxPercent the tax in percent
     * @param amount price × quantity
     * @param discount the discount amount
     * @param net amount − discount
     * @param tax the tax amount
     * @param total net + tax
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
     * Summed amounts.
     *
     * @param amount the sum of price × quantity (the subtotal)
     * @param discount the sum of the discounts
     * @param net amount − discount
     * @param tax the sum of the taxes
     * @param total net + tax
     */
    public record AmountsView(BigDecimal amount, BigDecimal discount, BigDecimal net, BigDecimal tax,
            BigDecimal total) {
        static AmountsView of(LineAmounts a) {
            return new AmountsView(a.amount(), a.discount(), a.net(), a.tax(), a.total());
        }
    }
}
