package org.tesseracrm.email.internal.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.email.api.Suppressions;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/email/suppressions}: the addresses bulk sends and campaigns skip, through {@link Suppressions}; every
 * call needs {@code email.accounts}.
 */
@Component(service = SuppressionsResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.email.suppressions", "osgi.jakartars.extension.select=" + AccountsResource.JSON})
@Path("v1/email/suppressions")
@Produces(MediaType.APPLICATION_JSON)
public class SuppressionsResource {
    private final Suppressions suppressions;

    /** @param suppressions does the work and checks the permissions */
    @Activate
    public SuppressionsResource(@Reference Suppressions suppressions) {
        this.suppressions = suppressions;
    }

    /** @return the suppressed addresses, newest first */
    @GET
    public List<SuppressionView> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        return suppressions.list(limit).stream().map(s -> new SuppressionView(s.address(), s.reason().name(), s.at().toString(), s.source()))
                .toList();
    }

    /** @return 201 once the address is suppressed (by an administrator: reason ADMIN) */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(SuppressionRequest request) {
        suppressions.add(request == null ? null : request.address(), Suppressions.Reason.ADMIN,
                request == null || request.source() == null ? "api" : request.source());
        String address = request.address().strip();
        return Response.created(URI.create("v1/email/suppressions/" + URLEncoder.encode(address, StandardCharsets.UTF_8))).build();
    }

    /** @return 204 once the address may be mailed again */
    @DELETE
    @Path("{address}")
    public Response remove(@PathParam("address") String address) {
        suppressions.remove(address);
        return Response.noContent().build();
    }

    /**
     * @param address the address to suppress
     * @param source a note on why, e.g. "asked by phone"
     */
    public record SuppressionRequest(String address, String source) {
    }

    /**
     * @param address the address, lower case
     * @param reason UNSUBSCRIBED, BOUNCED or ADMIN
     * @param at since when (ISO-8601 UTC)
     * @param source what suppressed it
     */
    public record SuppressionView(String address, String reason, String at, String source) {
    }
}
