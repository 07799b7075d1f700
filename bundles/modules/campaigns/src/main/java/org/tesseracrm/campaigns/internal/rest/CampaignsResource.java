package org.tesseracrm.campaigns.internal.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.campaigns.api.CampaignMember;
import org.tesseracrm.campaigns.api.CampaignResults;
import org.tesseracrm.campaigns.api.Campaigns;

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
 * {@code /api/v1/campaigns/{id}/...}: a campaign's members, sending, scheduling, cancelling and results, through
 * {@link Campaigns}, which checks the permissions for the token's user. The campaign's fields are the record API's
 * ({@code /api/v1/records/campaign}). A whiteboard resource like the kernel's, served once crm-rest is installed and
 * an idle service without it (properties written out: the module must install without the REST API).
 */
@Component(service = CampaignsResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.campaigns", "osgi.jakartars.extension.select=" + CampaignsResource.JSON})
@Path("v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignsResource {
    /** The REST runtime's JSON provider. */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";

    private final Campaigns campaigns;

    /** @param campaigns does the work and checks the permissions */
    @Activate
    public CampaignsResource(@Reference Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /**
     * Members to add: {@code {"recordType": "contact", "ids": [1, 2]}} or {@code {"recordType": "lead", "view":
     * "Hot leads"}}.
     *
     * @param recordType {@code contact} or {@code lead}
     * @param ids the records
     * @param view a saved list view's name
     */
    public record MembersRequest(String recordType, List<Long> ids, String view) {
    }

    /** @param added how many members joined */
    public record Added(int added) {
    }

    /** @param at when to send, ISO-8601 (e.g. {@code 2026-12-24T08:00:00Z}) */
    public record ScheduleRequest(String at) {
    }

    /**
     * A member as the API shows it: times as ISO-8601 texts (UTC), {@code null} when not yet.
     *
     * @see CampaignMember for the fields
     */
    public record MemberView(long id, long campaignId, String recordType, long recordId, String address, String name,
            String state, Long messageId, String addedAt, String queuedAt, String openedAt, int opens, String clickedAt,
            int clicks, boolean bounced, boolean unsubscribed, String error) {
        static MemberView of(CampaignMember m) {
            return new MemberView(m.id(), m.campaignId(), m.recordType(), m.recordId(), m.address(), m.name(),
                    m.state().name(), m.messageId(), text(m.addedAt()), text(m.queuedAt()), text(m.openedAt()), m.opens(),
                    text(m.clickedAt()), m.clicks(), m.bounced(), m.unsubscribed(), m.error());
        }

        private static String text(Instant at) {
            return at == null ? null : at.toString();
        }
    }

    /** @return a page of the campaign's members with their states */
    @GET
    @Path("{id}/members")
    public List<MemberView> members(@PathParam("id") long id, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return campaigns.members(id, offset, limit).stream().map(MemberView::of).toList();
    }

    /** @return how many members were added */
    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Added addMembers(@PathParam("id") long id, MembersRequest request) {
        // the service checks the permission before it looks at what is missing
        if (request != null && request.view() != null && !request.view().isBlank()) {
            return new Added(campaigns.addFromView(id, request.recordType(), request.view()));
        }
        return new Added(campaigns.addRecords(id, request == null ? null : request.recordType(),
                request == null || request.ids() == null ? List.of() : request.ids()));
    }

    /** @return 204 once a pending member is removed */
    @DELETE
    @Path("{id}/members/{memberId}")
    public Response removeMember(@PathParam("id") long id, @PathParam("memberId") long memberId) {
        campaigns.removeMember(id, memberId);
        return Response.noContent().build();
    }

    /** @return the results, the campaign now sending */
    @POST
    @Path("{id}/send")
    public CampaignResults send(@PathParam("id") long id) {
        return campaigns.send(id);
    }

    /** @return the results, the campaign now scheduled */
    @POST
    @Path("{id}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public CampaignResults schedule(@PathParam("id") long id, ScheduleRequest request) {
        Instant at = null;
        try {
            at = request == null || request.at() == null ? null : Instant.parse(request.at());
        } catch (DateTimeParseException e) {
            at = null; // refused by the service, after its permission check, as a time it cannot use
        }
        return campaigns.schedule(id, at);
    }

    /** @return the results, the campaign cancelled */
    @POST
    @Path("{id}/cancel")
    public CampaignResults cancel(@PathParam("id") long id) {
        return campaigns.cancel(id);
    }

    /** @return the campaign's counts */
    @GET
    @Path("{id}/results")
    public CampaignResults results(@PathParam("id") long id) {
        return campaigns.results(id);
    }
}
