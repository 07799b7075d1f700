package org.tesseracrm.automation.internal.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.automation.api.AssignmentRule;
import org.tesseracrm.automation.api.AssignmentRules;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.internal.rest.PartsJson.AssignmentJson;
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
 * {@code /api/v1/automation/assignment/rules}: assignment rules (list, create, change, delete) through
 * {@link AssignmentRules}; every call needs {@code automation.configure}, checked here before the body is read and
 * again by the service. Errors are problem+json by the REST runtime's mapper (422 with field errors).
 */
@Component(service = AssignmentResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.automation.assignment",
        "osgi.jakartars.extension.select=" + AutomationResource.JSON})
@Path("v1/automation/assignment")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {
    private final AssignmentRules rules;
    private final AccessControl access;

    /**
     * @param rules does the work and checks the permission
     * @param access checks the permission before the body is looked at
     */
    @Activate
    public AssignmentResource(@Reference AssignmentRules rules, @Reference AccessControl access) {
        this.rules = rules;
        this.access = access;
    }

    /** @return {@code data}: every rule by record type and position */
    @GET
    @Path("rules")
    public Map<String, List<AssignmentJson>> rules() {
        access.require(Automation.CONFIGURE);
        return PartsJson.data(rules.rules().stream().map(PartsJson::json).toList());
    }

    /**
     * @param body the rule
     * @return 201 with the rule as saved
     */
    @POST
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(AssignmentJson body) {
        access.require(Automation.CONFIGURE);
        AssignmentRule saved = rules.save(PartsJson.assignment(0, 0, body));
        return Response.created(URI.create("/api/v1/automation/assignment/rules/" + saved.id()))
                .entity(PartsJson.json(saved)).build();
    }

    /**
     * @param id a rule
     * @param body the whole rule again (its position left out: it stays where it is)
     * @return the rule as saved; 404 if there is no such rule
     */
    @PUT
    @Path("rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AssignmentJson update(@PathParam("id") long id, AssignmentJson body) {
        access.require(Automation.CONFIGURE);
        int position = rules.rules().stream().filter(r -> r.id() == id).mapToInt(AssignmentRule::position)
                .findFirst().orElseThrow(() -> new NotFoundException("There is no assignment rule " + id + "."));
        return PartsJson.json(rules.save(PartsJson.assignment(id, position, body)));
    }

    /**
     * @param id a rule
     * @return 204; 404 if there is no such rule
     */
    @DELETE
    @Path("rules/{id}")
    public Response delete(@PathParam("id") long id) {
        access.require(Automation.CONFIGURE);
        if (!rules.delete(id)) {
            throw new NotFoundException("There is no assignment rule " + id + ".");
        }
        return Response.noContent().build();
    }
}
