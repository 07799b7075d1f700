package org.tesseracrm.cases.internal.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.cases.api.CaseFields;
import org.tesseracrm.cases.api.CaseType;
import org.tesseracrm.cases.api.Cases;
import org.tesseracrm.cases.api.StatusKind;
import org.tesseracrm.cases.internal.CasesModule;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordJson;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.security.AccessControl;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/cases/...}: what the record platform's {@code /api/v1/records/case} does not: solve and close a
 * case, its dependents, and the case types (prefixes) and status kinds, through {@link Cases}, which checks the
 * permissions and the cases' visibility for the token's user. Errors are problem+json by the REST runtime's mapper.
 * Like the quotes' resource, its whiteboard properties are written out, so the module installs without crm-rest.
 */
@Component(service = CasesResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.cases", "osgi.jakartars.extension.select=" + CasesResource.JSON})
@Path("v1/cases")
@Produces(MediaType.APPLICATION_JSON)
public class CasesResource {
    /** The REST runtime's JSON provider (its name is part of the REST runtime's contract with modules). */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";

    private final Cases cases;
    private final CustomFields fields;
    private final AccessControl access;

    /**
     * @param cases does the work and checks the permissions
     * @param fields the case's fields, for its JSON form
     * @param access checks the permission before the body is looked at
     */
    @Activate
    public CasesResource(@Reference Cases cases, @Reference CustomFields fields, @Reference AccessControl access) {
        this.cases = cases;
        this.fields = fields;
        this.access = access;
    }

    /**
     * @param id a case
     * @param body {@code {"solution": "..."}}; the solution is required
     * @return the case, solved
     */
    @POST
    @Path("{id}/solve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> solve(@PathParam("id") long id, SolveBody body) {
        access.require(CasesModule.EDIT);
        return json(cases.solve(id, body == null ? null : body.solution()));
    }

    /**
     * @param id a case
     * @return the case, closed
     */
    @POST
    @Path("{id}/close")
    public Map<String, Object> close(@PathParam("id") long id) {
        return json(cases.close(id));
    }

    /**
     * @param id a case
     * @return {@code data}: the cases that depend on it; {@code openDependency}: the number of the case it waits for,
     *     if that one is not solved or closed
     */
    @GET
    @Path("{id}/dependencies")
    public Map<String, Object> dependencies(@PathParam("id") long id) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("openDependency", cases.openDependency(id).orElse(null));
        out.put("data", cases.dependents(id).stream().map(this::json).toList());
        return out;
    }

    /** @return {@code data}: every case type with its prefix and whether it is active */
    @GET
    @Path("types")
    public Map<String, Object> types() {
        return Map.of("data", cases.types());
    }

    /**
     * @param name a case type; a new one is added to the pick-list
     * @param body {@code {"prefix": "WAR"}}
     * @return the type as saved
     */
    @PUT
    @Path("types/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CaseType saveType(@PathParam("name") String name, PrefixBody body) {
        access.require(CasesModule.CONFIGURE);
        return cases.saveType(name, body == null ? null : body.prefix());
    }

    /** @return {@code data}: every status with its kind ({@code open}, {@code waiting}, {@code solved}, {@code closed}) */
    @GET
    @Path("statuses")
    public Map<String, Object> statuses() {
        return Map.of("data", cases.statusKinds().entrySet().stream()
                .map(e -> Map.of("status", e.getKey(), "kind", e.getValue().code())).toList());
    }

    /**
     * @param status a value of the status pick-list
     * @param body {@code {"kind": "waiting"}}
     * @return the status with its kind
     */
    @PUT
    @Path("statuses/{status}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> setKind(@PathParam("status") String status, KindBody body) {
        access.require(CasesModule.CONFIGURE);
        StatusKind kind = StatusKind.parse(body == null || body.kind() == null ? "" : body.kind())
                .orElseThrow(() -> new ValidationException(List.of(new FieldError("kind",
                        "The kind is one of open, waiting, solved, closed"))));
        cases.setStatusKind(status, kind);
        return Map.of("status", status, "kind", kind.code());
    }

    private Map<String, Object> json(RecordRow row) {
        return RecordJson.write(fields.fields(CaseFields.RECORD_TYPE), row, List.of());
    }

    /** @param solution the solution text */
    public record SolveBody(String solution) {
    }

    /** @param prefix the number prefix */
    public record PrefixBody(String prefix) {
    }

    /** @param kind the kind's code */
    public record KindBody(String kind) {
    }
}
