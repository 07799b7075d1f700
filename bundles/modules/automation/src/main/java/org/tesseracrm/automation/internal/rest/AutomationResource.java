package org.tesseracrm.automation.internal.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.api.RuleStatus;
import org.tesseracrm.automation.internal.rest.AutomationJson.ActiveBody;
import org.tesseracrm.automation.internal.rest.AutomationJson.ContributionJson;
import org.tesseracrm.automation.internal.rest.AutomationJson.RuleBody;
import org.tesseracrm.automation.internal.rest.AutomationJson.RuleJson;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Rule;
import org.tesseracrm.kernel.api.security.AccessControl;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/automation/...}: workflow rules (list, read, create, a new version, switch on or off, delete), their
 * versions and run log, and the catalogue of triggers and actions rules can use now, through {@link Automation},
 * which checks the permissions: reading needs {@code automation.view}, every change {@code automation.configure}
 * (checked here too, before the body is read). A rule's ETag is its version; a change names the version it was
 * made on in {@code If-Match} or in the body's {@code version}, and someone else's save since is refused with 409.
 * Errors are problem+json by the REST runtime's mapper (422 with field errors for a rule that does not read or that
 * the service refuses). The whiteboard properties are written out, so the module installs without crm-rest.
 */
@Component(service = AutomationResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.automation", "osgi.jakartars.extension.select=" + AutomationResource.JSON})
@Path("v1/automation")
@Produces(MediaType.APPLICATION_JSON)
public class AutomationResource {
    /** The REST runtime's JSON provider (its name is part of the REST runtime's contract with modules). */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";
    /** The most runs one request lists. */
    static final int MAX_RUNS = 1000;

    private final Automation automation;
    private final AccessControl access;

    /**
     * @param automation does the work and checks the permissions
     * @param access checks the permission before the body is looked at
     */
    @Activate
    public AutomationResource(@Reference Automation automation, @Reference AccessControl access) {
        this.automation = automation;
        this.access = access;
    }

    /** @return {@code data}: every rule at its current version, by name, with its state */
    @GET
    @Path("rules")
    public Map<String, List<RuleJson>> rules() {
        access.require(Automation.VIEW);
        return Map.of("data", automation.rules().stream().map(AutomationJson::rule).toList());
    }

    /**
     * @param id a rule
     * @return the rule at its current version; ETag its version
     */
    @GET
    @Path("rules/{id}")
    public Response rule(@PathParam("id") long id) {
        access.require(Automation.VIEW);
        return withTag(Response.ok(), automation.rule(id));
    }

    /**
     * @param body the rule: name, recordType, trigger, actions required
     * @return 201 with the rule at version 1
     */
    @POST
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(RuleBody body) {
        access.require(Automation.CONFIGURE);
        RuleStatus saved = automation.save(AutomationJson.rule(0, 1, body, true));
        return withTag(Response.created(URI.create("/api/v1/automation/rules/" + saved.rule().id())), saved);
    }

    /**
     * Saves a new version of a rule: the body gives the whole rule again.
     *
     * @param id a rule
     * @param ifMatch the ETag of the version edited, e.g. {@code "3"}; else the body's {@code version}
     * @param body the rule
     * @return the rule at its new version; 409 if someone saved it since the version edited
     */
    @PUT
    @Path("rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, RuleBody body) {
        access.require(Automation.CONFIGURE);
        int version = editedVersion(ifMatch, body);
        boolean active = body != null && body.active() != null ? body.active() : automation.rule(id).rule().active();
        Rule rule = AutomationJson.rule(id, version, body, active);
        return withTag(Response.ok(), automation.save(rule));
    }

    /**
     * Deletes a rule with its versions, run log and delayed actions still due.
     *
     * @param id a rule
     * @return 204; 404 if there is no such rule
     */
    @DELETE
    @Path("rules/{id}")
    public Response delete(@PathParam("id") long id) {
        access.require(Automation.CONFIGURE);
        if (!automation.delete(id)) {
            throw new org.tesseracrm.kernel.api.NotFoundException("There is no rule " + id + ".");
        }
        return Response.noContent().build();
    }

    /**
     * Switches a rule on or off (no new version).
     *
     * @param id a rule
     * @param body {@code {"active": true}}
     * @return the rule as it is now
     */
    @POST
    @Path("rules/{id}/active")
    @Consumes(MediaType.APPLICATION_JSON)
    public RuleJson setActive(@PathParam("id") long id, ActiveBody body) {
        access.require(Automation.CONFIGURE);
        if (body == null || body.active() == null) {
            throw new ValidationException(List.of(new FieldError("active", "Give active: true or false.")));
        }
        return AutomationJson.rule(automation.setActive(id, body.active()));
    }

    /**
     * @param id a rule
     * @return {@code data}: every saved version of the rule, newest first
     */
    @GET
    @Path("rules/{id}/versions")
    public Map<String, List<AutomationJson.VersionJson>> versions(@PathParam("id") long id) {
        access.require(Automation.VIEW);
        return Map.of("data", automation.versions(id).stream().map(AutomationJson::version).toList());
    }

    /**
     * @param id a rule
     * @param limit the most runs listed, 1 to 1000 (50 by default)
     * @return {@code data}: the rule's runs, newest first, each with its actions' results
     */
    @GET
    @Path("rules/{id}/runs")
    public Map<String, List<AutomationJson.RunJson>> runs(@PathParam("id") long id,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        access.require(Automation.VIEW);
        if (limit < 1 || limit > MAX_RUNS) {
            throw new ValidationException(List.of(new FieldError("limit", "List 1 to " + MAX_RUNS + " runs.")));
        }
        return Map.of("data", automation.runs(id, limit).stream().map(AutomationJson::run).toList());
    }

    /** @return {@code data}: the triggers rules can use now, by label, with their parameters */
    @GET
    @Path("triggers")
    public Map<String, List<ContributionJson>> triggers() {
        access.require(Automation.VIEW);
        return Map.of("data", automation.triggers().stream().map(AutomationJson::contribution).toList());
    }

    /** @return {@code data}: the actions rules can use now, by label, with their parameters */
    @GET
    @Path("actions")
    public Map<String, List<ContributionJson>> actions() {
        access.require(Automation.VIEW);
        return Map.of("data", automation.actions().stream().map(AutomationJson::contribution).toList());
    }

    private static Response withTag(Response.ResponseBuilder response, RuleStatus rule) {
        return response.header("ETag", "\"" + rule.rule().version() + "\"").entity(AutomationJson.rule(rule)).build();
    }

    /**
     * @param ifMatch the header, or null
     * @param body the body, whose version counts without the header
     * @return the version the change was made on
     * @throws ValidationException when neither gives one, or the header is not an ETag of this API
     */
    static int editedVersion(String ifMatch, RuleBody body) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.length() > 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                tag = tag.substring(1, tag.length() - 1);
            }
            try {
                int version = Integer.parseInt(tag);
                if (version >= 1) {
                    return version;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new ValidationException(List.of(new FieldError("If-Match", "If-Match takes the rule's ETag as GET "
                    + "gave it, e.g. \"3\".")));
        }
        if (body != null && body.version() != null && body.version() >= 1) {
            return body.version();
        }
        throw new ValidationException(List.of(new FieldError("version", "Give the version of the rule you edited "
                + "(If-Match: \"3\" or \"version\": 3), so that you cannot overwrite someone else's change.")));
    }
}
