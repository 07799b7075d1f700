package org.tesseracrm.quotes.internal.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordJson;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.quotes.api.QuoteFields;
import org.tesseracrm.quotes.api.QuoteFile;
import org.tesseracrm.quotes.api.Quotes;
import org.tesseracrm.quotes.internal.QuotesModule;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/quotes/...}: what a quote goes through (send, revise, accept, reject), its PDF and its revisions,
 * and a quote made from an opportunity, through {@link Quotes}, which checks the permissions and the records'
 * visibility for the token's user. The quotes' fields are read and written through {@code /api/v1/records/quote},
 * their lines through the Products module's {@code /api/v1/records/quote/{id}/lines} (the quote keeps its totals
 * after either).
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
    private final CustomFields fields;
    private final AccessControl access;

    /**
     * @param quotes does the work and checks the permissions
     * @param fields the quote's fields, for its JSON form
     * @param access checks the permission before the body is looked at
     */
    @Activate
    public QuotesResource(@Reference Quotes quotes, @Reference CustomFields fields, @Reference AccessControl access) {
        this.quotes = quotes;
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

    private Response created(RecordRow quote) {
        return Response.created(URI.create("/api/v1/records/quote/" + quote.id()))
                .header("ETag", "\"" + quote.version() + "\"").entity(quote(quote)).build();
    }

    private Map<String, Object> quote(RecordRow row) {
        return RecordJson.write(fields.fields(QuoteFields.RECORD_TYPE), row, List.of());
    }

    /** @param updateOpportunityAmount whether to set the linked opportunity's amount to the quote's total */
    public record AcceptBody(Boolean updateOpportunityAmount) {
    }
}
