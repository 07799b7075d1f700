package org.tesseracrm.automation.internal.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.api.ScoringRule;
import org.tesseracrm.automation.api.ScoringRules;
import org.tesseracrm.automation.internal.rest.PartsJson.ScoreFieldBody;
import org.tesseracrm.automation.internal.rest.PartsJson.ScoringJson;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.security.AccessControl;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/automation/scoring/...}: the score field of each record type ({@code fields}, {@code fields/{type}}),
 * scoring rules ({@code rules}) and recalculation ({@code recalculate/{type}}) through {@link ScoringRules}; every
 * call needs {@code automation.configure}.
 */
@Component(service = ScoringResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.automation.scoring",
        "osgi.jakartars.extension.select=" + AutomationResource.JSON})
@Path("v1/automation/scoring")
@Produces(MediaType.APPLICATION_JSON)
public class ScoringResource {
    private final ScoringRules scoring;
    private final AccessControl access;

    /**
     * @param scoring does the work and checks the permission
     * @param access checks the permission before the body is looked at
     */
    @Activate
    public ScoringResource(@Reference ScoringRules scoring, @Reference AccessControl access) {
        this.scoring = scoring;
        this.access = access;
    }

    /** @return the score field by record type */
    @GET
    @Path("fields")
    public Map<String, String> fields() {
        access.require(Automation.CONFIGURE);
        return scoring.scoreFields();
    }

    /**
     * @param type a record type id
     * @param body the NUMBER field to use, or none to create a custom field "Score"
     * @return {@code {"recordType": ..., "field": ...}}
     */
    @PUT
    @Path("fields/{type}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, String> setField(@PathParam("type") String type, ScoreFieldBody body) {
        access.require(Automation.CONFIGURE);
        String field = scoring.setScoreField(type, Optional.ofNullable(body).map(ScoreFieldBody::field));
        return Map.of("recordType", type, "field", field);
    }

    /** @return {@code data}: every rule by record type and name */
    @GET
    @Path("rules")
    public Map<String, List<ScoringJson>> rules() {
        access.require(Automation.CONFIGURE);
        return PartsJson.data(scoring.rules().stream().map(PartsJson::json).toList());
    }

    /**
     * @param body the rule
     * @return 201 with the rule as saved
     */
    @POST
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ScoringJson body) {
        access.require(Automation.CONFIGURE);
        ScoringRule saved = scoring.save(PartsJson.scoring(0, body));
        return Response.created(URI.create("/api/v1/automation/scoring/rules/" + saved.id()))
                .entity(PartsJson.json(saved)).build();
    }

    /**
     * @param id a rule
     * @param body the whole rule again
     * @return the rule as saved; 404 if there is no such rule
     */
    @PUT
    @Path("rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ScoringJson update(@PathParam("id") long id, ScoringJson body) {
        access.require(Automation.CONFIGURE);
        return PartsJson.json(scoring.save(PartsJson.scoring(id, body)));
    }

    /**
     * @param id a rule
     * @return 204; 404 if there is no such rule
     */
    @DELETE
    @Path("rules/{id}")
    public Response delete(@PathParam("id") long id) {
        access.require(Automation.CONFIGURE);
        if (!scoring.delete(id)) {
            throw new NotFoundException("There is no scoring rule " + id + ".");
        }
        return Response.noContent().build();
    }

    /**
     * @param type a record type id
     * @return {@code {"changed": n}}: how many records got a new score
     */
    @POST
    @Path("recalculate/{type}")
    public Map<String, Long> recalculate(@PathParam("type") String type) {
        access.require(Automation.CONFIGURE);
        return Map.of("changed", scoring.recalculate(type));
    }
}
