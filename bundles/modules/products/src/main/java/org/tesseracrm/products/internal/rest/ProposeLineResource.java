package org.tesseracrm.products.internal.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.products.api.LineItems;
import org.tesseracrm.products.api.LineProposal;
import org.tesseracrm.products.api.PriceLists;
import org.tesseracrm.products.api.ProductFields;
import org.tesseracrm.products.internal.ProductsModule;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /api/v1/products/{id}/propose-line}: the values a new line for a product starts with (list price, the
 * quantity range's discount, the product's tax, cost type and description) through {@link LineItems#propose}; needs
 * {@code products.view}. Nothing is stored.
 */
@Component(service = ProposeLineResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.propose-line", "osgi.jakartars.extension.select=" + PriceListsResource.JSON})
@Path("v1/products/{id}/propose-line")
@Produces(MediaType.APPLICATION_JSON)
public class ProposeLineResource {
    private final LineItems lineItems;
    private final PriceLists lists;
    private final AccessControl access;

    /**
     * @param lineItems works the proposal out
     * @param lists the currency of a price list
     * @param access the caller's permissions and a token's record types
     */
    @Activate
    public ProposeLineResource(@Reference LineItems lineItems, @Reference PriceLists lists,
            @Reference AccessControl access) {
        this.lineItems = lineItems;
        this.lists = lists;
        this.access = access;
    }

    /**
     * @param id the product
     * @param request quantity (default 1), price list (optional), currency (default: the list's, else the products'
     *     default), day (default today)
     * @return the proposal
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public ProposalView proposeLine(@PathParam("id") long id, ProposalRequest request) {
        access.require(ProductsModule.VIEW);
        access.requireRecordType(ProductFields.RECORD_TYPE);
        ProposalRequest body = request == null ? new ProposalRequest(null, null, null, null) : request;
        LocalDate on = PriceListsResource.day("on", body.on()).orElseGet(LocalDate::now);
        String currency = body.currency() != null ? body.currency() : body.priceListId() != null
                ? lists.get(body.priceListId()).currency() : lineItems.defaultCurrency();
        return ProposalView.of(lineItems.propose(id, body.quantity() == null ? BigDecimal.ONE : body.quantity(),
                Optional.ofNullable(body.priceListId()), currency, on));
    }

    /**
     * What the proposal is for.
     *
     * @param quantity the quantity; null for 1
     * @param priceListId the document's price list; null for the product's own price
     * @param currency the document's currency; null for the list's (or the products' default)
     * @param on the day, yyyy-mm-dd; null for today
     */
    public record ProposalRequest(BigDecimal quantity, Long priceListId, String currency, String on) {
    }

    /**
     * A proposed line.
     *
     * @param productId the product
     * @param productCode its code
     * @param productName its name
     * @param description its description
     * @param costType its cost type
     * @param currency the currency
     * @param unitPrice the proposed unit price
     * @param quantity the quantity
     * @param range the quantity range it lies in; null for none
     * @param discountPercent the range's discount
     * @param taxPercent the product's tax
     * @param priceListId the list the price comes from; null if not from a list
     * @param notice what to know about the price; null when it was found
     * @param amount unit price x quantity
     * @param discount the discount
     * @param net amount less discount
     * @param tax the tax
     * @param total net plus tax
     */
    public record ProposalView(long productId, String productCode, String productName, String description,
            String costType, String currency, BigDecimal unitPrice, BigDecimal quantity,
            PriceListsResource.RangeView range, BigDecimal discountPercent, BigDecimal taxPercent, Long priceListId,
            String notice, BigDecimal amount, BigDecimal discount, BigDecimal net, BigDecimal tax, BigDecimal total) {
        static ProposalView of(LineProposal p) {
            return new ProposalView(p.productId(), p.productCode(), p.productName(), p.description(), p.costType(),
                    p.amounts().currency(), p.unitPrice(), p.quantity(),
                    p.range().map(PriceListsResource.RangeView::of).orElse(null), p.discountPercent(), p.taxPercent(),
                    p.priceListId().orElse(null), p.notice().orElse(null), p.amounts().amount(),
                    p.amounts().discount(), p.amounts().net(), p.amounts().tax(), p.amounts().total());
        }
    }
}
