package org.tesseracrm.automation.internal.blueprint.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.api.Blueprint;
import org.tesseracrm.automation.api.Blueprints;
import org.tesseracrm.automation.api.Transition;
import org.tesseracrm.automation.internal.approval.RecordAccess;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordJson;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordTypes;
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
 * {@code /api/v1/automation/blueprints/...}: blueprints (list, read, create, change, delete; reading needs
 * {@code automation.view}, changing {@code automation.configure}), the moves a record has now and a move with its
 * required fields, through {@link Blueprints}. A change of a blueprint's field through {@code PATCH
 * /api/v1/records/{type}/{id}} that the blueprint does not allow answers 422 with the reason. Errors are
 * problem+json by the REST runtime's mapper; the module installs without crm-rest.
 */
@Component(service = BlueprintsResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.automation.blueprints",
        "osgi.jakartars.extension.select=" + BlueprintsResource.JSON})
@Path("v1/automation/blueprints")
@Produces(MediaType.APPLICATION_JSON)
public class BlueprintsResource {
    /** The REST runtime's JSON provider (its name is part of the REST runtime's contract with modules). */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";

    private final Blueprints blueprints;
    private final AccessControl access;
    private final CustomFields fields;
    private final RecordTypes types;

    /**
     * @param blueprints does the work and checks the permissions
     * @param access checks the permission before a body is read
     * @param fields a record's fields, for its JSON form after a move
     * @param types the record types, for the edit permission checked before a move's body is read
     */
    @Activate
    public BlueprintsResource(@Reference Blueprints blueprints, @Reference AccessControl access,
            @Reference CustomFields fields, @Reference RecordTypes types) {
        this.blueprints = blueprints;
        this.access = access;
        this.fields = fields;
        this.types = types;
    }

    /** @return {@code data}: every blueprint, by name */
    @GET
    public Map<String, Object> list() {
        return Map.of("data", blueprints.blueprints().stream().map(BlueprintsResource::blueprint).toList());
    }

    /**
     * @param id a blueprint
     * @return it
     */
    @GET
    @Path("{id}")
    public Map<String, Object> get(@PathParam("id") long id) {
        return blueprint(blueprints.blueprint(id));
    }

    /**
     * @param body the blueprint: name, recordType, field, states, transitions
     * @return 201 with it
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(BlueprintBody body) {
        access.require(Automation.CONFIGURE);
        Blueprint saved = blueprints.save(blueprint(0, body));
        return Response.created(URI.create("/api/v1/automation/blueprints/" + saved.id())).entity(blueprint(saved))
                .build();
    }

    /**
     * @param id a blueprint
     * @param body the whole blueprint again, with the {@code version} read
     * @return it as saved; 409 if someone saved it since
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") long id, BlueprintBody body) {
        access.require(Automation.CONFIGURE);
        return blueprint(blueprints.save(blueprint(id, body)));
    }

    /**
     * @param id a blueprint
     * @return 204; 404 if there is no such blueprint
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        if (!blueprints.delete(id)) {
            throw new NotFoundException("blueprint", id);
        }
        return Response.noContent().build();
    }

    /**
     * @param type a record type
     * @param id a record
     * @return {@code data}: the moves the caller may make now
     */
    @GET
    @Path("records/{type}/{id}/transitions")
    public Map<String, Object> transitions(@PathParam("type") String type, @PathParam("id") long id) {
        access.requireRecordType(type);
        return Map.of("data", blueprints.available(type, id).stream().map(BlueprintsResource::transition).toList());
    }

    /**
     * @param type a record type
     * @param id a record
     * @param body {@code {"transition": "Qualify", "version": 3, "values": {"description": "..."}}}
     * @return the record after the move
     */
    @POST
    @Path("records/{type}/{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response move(@PathParam("type") String type, @PathParam("id") long id, MoveBody body) {
        access.requireRecordType(type);
        RecordAccess.type(access, types, type, "edit");
        if (body == null || body.version() == null) {
            throw RecordAccess.invalid("version", "Give the version of the record you read");
        }
        RecordRow row = blueprints.move(type, id, body.version(), body.transition(),
                body.values() == null ? Map.of() : body.values());
        return Response.ok(RecordJson.write(fields.fields(type), row, List.of()))
                .header("ETag", "\"" + row.version() + "\"").build();
    }

    private static Blueprint blueprint(long id, BlueprintBody body) {
        if (body == null) {
            throw RecordAccess.invalid("name", "Send the blueprint as JSON");
        }
        List<Transition> transitions = body.transitions() == null ? List.of() : body.transitions().stream()
                .map(t -> new Transition(text(t.name()), text(t.from()), text(t.to()), set(t.users()), set(t.roles()),
                        set(t.groups()), t.requiredFields() == null ? List.of() : t.requiredFields())).toList();
        return new Blueprint(id, text(body.name()), text(body.recordType()), text(body.field()),
                body.states() == null ? List.of() : body.states(), transitions,
                body.active() == null || body.active(), body.version() == null ? 0 : body.version());
    }

    static Map<String, Object> blueprint(Blueprint b) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", b.id());
        out.put("name", b.name());
        out.put("recordType", b.recordType());
        out.put("field", b.field());
        out.put("states", b.states());
        out.put("transitions", b.transitions().stream().map(BlueprintsResource::transition).toList());
        out.put("active", b.active());
        out.put("version", b.version());
        return out;
    }

    private static Map<String, Object> transition(Transition t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", t.name());
        out.put("from", t.from());
        out.put("to", t.to());
        out.put("users", t.users().stream().sorted().toList());
        out.put("roles", t.roles().stream().sorted().toList());
        out.put("groups", t.groups().stream().sorted().toList());
        out.put("requiredFields", t.requiredFields());
        return out;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static Set<String> set(List<String> values) {
        return values == null ? Set.of() : Set.copyOf(values.stream().map(String::strip).filter(v -> !v.isEmpty())
                .toList());
    }

    /**
     * A blueprint as sent.
     *
     * @param name the unique name
     * @param recordType the record type id
     * @param field the pick-list field
     * @param states the states in order
     * @param transitions the allowed moves
     * @param active whether it holds (default true)
     * @param version the version read, for a change
     */
    public record BlueprintBody(String name, String recordType, String field, List<String> states,
            List<TransitionBody> transitions, Boolean active, Long version) {
    }

    /**
     * @param name unique in the blueprint
     * @param from a state, or {@code *} for any
     * @param to a state
     * @param users user names who may make it
     * @param roles role names
     * @param groups group names (all three empty: anyone who may edit the record)
     * @param requiredFields fields that must be filled in
     */
    public record TransitionBody(String name, String from, String to, List<String> users, List<String> roles,
            List<String> groups, List<String> requiredFields) {
    }

    /**
     * @param transition the move's name
     * @param version the record's version read
     * @param values the required fields' values, by name
     */
    public record MoveBody(String transition, Long version, Map<String, String> values) {
    }
}
