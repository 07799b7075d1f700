package org.tesseracrm.products.internal.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.products.api.LineAmounts;
import org.tesseracrm.products.api.PriceCondition;
import org.tesseracrm.products.api.PriceList;
import org.tesseracrm.products.api.PriceListInput;
import org.tesseracrm.products.api.PriceLists;
import org.tesseracrm.products.api.PriceQuote;
import org.tesseracrm.products.api.ProductFields;
import org.tesseracrm.products.api.ProductPrice;
import org.tesseracrm.products.api.QuantityRange;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/price-lists}: price lists, their prices and quantity ranges, and the price of a quantity, through
 * {@link PriceLists}, which checks {@code products.view} and {@code products.configure} for the token's user. Products
 * themselves are served by the records API ({@code /api/v1/records/product}). A whiteboard resource written out
 * with properties like the Webhooks module's, so the module installs without the REST API; served once crm-rest is
 * installed. Dates are {@code yyyy-mm-dd} strings, amounts JSON numbers with every digit.
 */
@Component(service = PriceListsResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.price-lists", "osgi.jakartars.extension.select=" + PriceListsResource.JSON})
@Path("v1/price-lists")
@Produces(MediaType.APPLICATION_JSON)
public class PriceListsResource {
    /** The REST runtime's JSON provider (its name is part of the REST runtime's contract with modules). */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";

    private final PriceLists lists;
    private final AccessControl access;

    /**
     * @param lists does the work and checks the permissions
     * @param access limits a token restricted to other record types
     */
    @Activate
    public PriceListsResource(@Reference PriceLists lists, @Reference AccessControl access) {
        this.lists = lists;
        this.access = access;
    }

    /** @return every price list, by name */
    @GET
    public List<PriceListView> listPriceLists() {
        access.requireRecordType(ProductFields.RECORD_TYPE);
        return lists.lists().stream().map(PriceListView::of).toList();
    }

    /**
     * @param request the new list
     * @return 201 with it
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createPriceList(PriceListRequest request) {
        access.requireRecordType(ProductFields.RECORD_TYPE);
        PriceList created = lists.create(PriceListRequest.input(request));
        return Response.created(URI.create("v1/price-lists/" + created.id())).entity(PriceListView.of(created)).build();
    }

    /** @return one price list */
    @GET
    @Path("{id}")
    public PriceListView getPriceList(@PathParam("id") long id) {
        access.requireRecordType(ProductFields.RECORD_TYPE);
        return PriceListView.of(lists.get(id));
    }

    /** @return the list with its new name, currency, validity and conditions (all replaced) */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PriceListView updatePriceList(@PathParam("id") long id, PriceListRequest request) {
        access.requireRecordType(ProductFields.RECORD_TYPE);
        return PriceListView.of(lists.update(id, PriceListRequest.input(request)));
    }

    /** @return 204 once the list, its prices and ranges are deleted */
    @DELETE
    @Path("{id}")
    public Response deletePriceList(@PathParam("id") long id) {
        access.requireRecordType(ProductFields.RECORD_TYPE);
        lists.delete(id);
        return Response.noContent().build();
    }

    /** @return the list's prices with their quantity ranges, by product code */
    @GET
    @Path("{id}/prices")
    public List<ProductPriceView> listPrices(@PathParam("id") long id) {
        access.requireRecordType(ProductFields.RECORD_TYPE);
        return lists.prices(id).stream().map(ProductPriceView::of).toList();
    }

    /** @return the product's price and ranges in the list, replaced by the request's */
    @PUT
    @Path("{id}/prices/{productId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProductPriceView setPrice(@PathParam("id") long id, @PathParam("productId") long productId,
            PriceRequest request) {
        access.requireRecordType(ProductFields.RECORD_TYPE);
        // a missing body is an empty one: the service refuses it (after its permission check) with field messages
        PriceRequest body = request == null ? new PriceRequest(null, null) : request;
        List<QuantityRange> ranges = body.ranges() == null ? List.of() : body.ranges().stream()
                .map(RangeView::range).toList();
        return ProductPriceView.of(lists.setPrice(id, productId, body.price(), ranges));
    }

    /** @return 204 once the product is out of the list */
    @DELETE
    @Path("{id}/prices/{productId}")
    public Response removePrice(@PathParam("id") long id, @PathParam("productId") long productId) {
        access.requireRecordType(ProductFields.RECORD_TYPE);
        lists.removePrice(id, productId);
        return Response.noContent().build();
    }

    /**
     * @param id the price list
     * @param product the product's id
     * @param quantity the quantity, more than 0 (default 1)
     * @param on the day, yyyy-mm-dd (default today)
     * @return the list price, the range's discount, the product's tax and the line's amounts
     */
    @GET
    @Path("{id}/price")
    public PriceQuoteView price(@PathParam("id") long id, @QueryParam("product") long product,
            @QueryParam("quantity") BigDecimal quantity, @QueryParam("on") String on) {
        access.requireRecordType(ProductFields.RECORD_TYPE);
        LocalDate day;
        try {
            day = day("on", on).orElseGet(LocalDate::now);
        } catch (ValidationException malformed) {
            // the service says first whether the caller may read the list (403, 404), then the day is refused
            lists.get(id);
            throw malformed;
        }
        return PriceQuoteView.of(lists.price(product, id, quantity == null ? BigDecimal.ONE : quantity, day));
    }

    static Optional<LocalDate> day(String field, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new ValidationException(List.of(new FieldError(field, "Enter a day as yyyy-mm-dd, e.g. 2026-12-31")));
        }
    }

    /**
     * A price list as the API takes it (POST and PUT replace every member).
     *
     * @param name its name
     * @param currency an ISO 4217 code
     * @param validFrom first valid day, yyyy-mm-dd; null for always
     * @param validTo last valid day (inclusive); null for no end
     * @param conditions (dimension, value) pairs; null for none
     */
    public record PriceListRequest(String name, String currency, String validFrom, String validTo,
            List<ConditionView> conditions) {
        /** @return the input of a request; a missing body is an empty one, which the service refuses */
        static PriceListInput input(PriceListRequest request) {
            return request == null ? new PriceListRequest(null, null, null, null, null).input() : request.input();
        }

        PriceListInput input() {
            return new PriceListInput(name == null ? "" : name, currency == null ? "" : currency, day("validFrom", validFrom),
                    day("validTo", validTo), conditions == null ? List.of() : conditions.stream()
                            .map(c -> new PriceCondition(c.dimension() == null ? "" : c.dimension(),
                                    c.value() == null ? "" : c.value())).toList());
        }
    }

    /**
     * @param dimension e.g. "Place of sale"
     * @param value e.g. "Madrid"
     */
    public record ConditionView(String dimension, String value) {
    }

    /**
     * A price list as the API shows it.
     *
     * @param id its id
     * @param name its name
     * @param currency its currency
     * @param validFrom first valid day; null for always
     * @param validTo last valid day (inclusive); null for no end
     * @param conditions its conditions
     */
    public record PriceListView(long id, String name, String currency, String validFrom, String validTo,
            List<ConditionView> conditions) {
        static PriceListView of(PriceList l) {
            return new PriceListView(l.id(), l.name(), l.currency(), l.validFrom().map(LocalDate::toString).orElse(null),
                    l.validTo().map(LocalDate::toString).orElse(null), l.conditions().stream()
                            .map(c -> new ConditionView(c.dimension(), c.value())).toList());
        }
    }

    /**
     * A quantity range: {@code from} to {@code to}, both inclusive.
     *
     * @param from the smallest quantity
     * @param to the largest; null for no upper end
     * @param discountPercent the discount in percent
     */
    public record RangeView(BigDecimal from, BigDecimal to, BigDecimal discountPercent) {
        QuantityRange range() {
            if (from == null || discountPercent == null) {
                throw new ValidationException(List.of(new FieldError("ranges", "Give each range a 'from' quantity and "
                        + "a 'discountPercent'")));
            }
            return new QuantityRange(from, Optional.ofNullable(to), discountPercent);
        }

        static RangeView of(QuantityRange r) {
            return new RangeView(r.from(), r.to().orElse(null), r.discountPercent());
        }
    }

    /**
     * A product's price in a list as the API takes it.
     *
     * @param price the unit price
     * @param ranges its quantity ranges; null for none
     */
    public record PriceRequest(BigDecimal price, List<RangeView> ranges) {
    }

    /**
     * A product's price in a list as the API shows it.
     *
     * @param priceListId the list
     * @param productId the product
     * @param productCode its code
     * @param productName its name
     * @param price the unit price
     * @param ranges its quantity ranges by start
     */
    public record ProductPriceView(long priceListId, long productId, String productCode, String productName,
            BigDecimal price, List<RangeView> ranges) {
        static ProductPriceView of(ProductPrice p) {
            return new ProductPriceView(p.priceListId(), p.productId(), p.productCode(), p.productName(), p.price(),
                    p.ranges().stream().map(RangeView::of).toList());
        }
    }

    /**
     * The price of a quantity as the API shows it; amounts at the currency's scale, each rounded half up once.
     *
     * @param productId the product
     * @param priceListId the list
     * @param on the day priced
     * @param currency the currency
     * @param unitPrice the list price of one unit
     * @param quantity the quantity
     * @param range the range the quantity lies in; null for none
     * @param discountPercent the range's discount, 0 without one
     * @param taxPercent the product's tax rate
     * @param amount unit price x quantity
     * @param discount the discount
     * @param net amount less discount
     * @param tax the tax on the net amount
     * @param total net plus tax
     */
    public record PriceQuoteView(long productId, long priceListId, String on, String currency, BigDecimal unitPrice,
            BigDecimal quantity, RangeView range, BigDecimal discountPercent, BigDecimal taxPercent, BigDecimal amount,
            BigDecimal discount, BigDecimal net, BigDecimal tax, BigDecimal total) {
        static PriceQuoteView of(PriceQuote q) {
            LineAmounts a = q.amounts();
            return new PriceQuoteView(q.productId(), q.priceListId(), q.on().toString(), q.currency(), q.unitPrice(),
                    q.quantity(), q.range().map(RangeView::of).orElse(null), q.discountPercent(), q.taxPercent(),
                    a.amount(), a.discount(), a.net(), a.tax(), a.total());
        }
    }
}
