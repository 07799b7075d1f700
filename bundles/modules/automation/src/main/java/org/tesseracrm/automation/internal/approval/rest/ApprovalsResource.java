package org.tesseracrm.automation.internal.approval.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.automation.api.ApprovalDecision;
import org.tesseracrm.automation.api.ApprovalProcess;
import org.tesseracrm.automation.api.ApprovalRequest;
import org.tesseracrm.automation.api.ApprovalStep;
import org.tesseracrm.automation.api.Approvals;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.internal.approval.RecordAccess;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.automation.Criteria;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
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
 * {@code /api/v1/automation/approvals/...}: approval processes (list, read, create, change, delete; reading needs
 * {@code automation.view}, changing {@code automation.configure}) and a record's approval (its requests, submit,
 * approve, reject) and what waits for the caller, through {@link Approvals}, which checks the permissions, the
 * record's visibility and the approver. A record waiting for approval is locked: {@code PATCH
 * /api/v1/records/{type}/{id}} answers 422 with the lock's message. Errors are problem+json by the REST runtime's
 * mapper. The whiteboard properties are written out, so the module installs without crm-rest.
 */
@Component(service = ApprovalsResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.automation.approvals",
        "osgi.jakartars.extension.select=" + ApprovalsResource.JSON})
@Path("v1/automation/approvals")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalsResource {
    /** The REST runtime's JSON provider (its name is part of the REST runtime's contract with modules). */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";

    private final Approvals approvals;
    private final AccessControl access;

    /**
     * @param approvals does the work and checks the permissions
     * @param access checks the permission before a body is read
     */
    @Activate
    public ApprovalsResource(@Reference Approvals approvals, @Reference AccessControl access) {
        this.approvals = approvals;
        this.access = access;
    }

    /** @return {@code data}: every process, by name */
    @GET
    @Path("processes")
    public Map<String, Object> processes() {
        return Map.of("data", approvals.processes().stream().map(ApprovalsResource::process).toList());
    }

    /**
     * @param id a process
     * @return the process
     */
    @GET
    @Path("processes/{id}")
    public Map<String, Object> process(@PathParam("id") long id) {
        return process(approvals.process(id));
    }

    /**
     * @param body the process: name, recordType, steps required
     * @return 201 with the process
     */
    @POST
    @Path("processes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ProcessBody body) {
        access.require(Automation.CONFIGURE);
        ApprovalProcess saved = approvals.saveProcess(process(0, body));
        return Response.created(URI.create("/api/v1/automation/approvals/processes/" + saved.id()))
                .entity(process(saved)).build();
    }

    /**
     * @param id a process
     * @param body the whole process again, with the {@code version} read
     * @return the process as saved; 409 if someone saved it since
     */
    @PUT
    @Path("processes/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> update(@PathParam("id") long id, ProcessBody body) {
        access.require(Automation.CONFIGURE);
        return process(approvals.saveProcess(process(id, body)));
    }

    /**
     * @param id a process
     * @return 204; 404 if there is no such process
     */
    @DELETE
    @Path("processes/{id}")
    public Response delete(@PathParam("id") long id) {
        if (!approvals.deleteProcess(id)) {
            throw new NotFoundException("approval process", id);
        }
        return Response.noContent().build();
    }

    /**
     * @param type a record type
     * @param id a record
     * @return {@code process}: the process the record must go through now (null for none); {@code requests}: its
     *     requests, newest first
     */
    @GET
    @Path("records/{type}/{id}")
    public Map<String, Object> record(@PathParam("type") String type, @PathParam("id") long id) {
        access.requireRecordType(type);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("process", approvals.processFor(type, id).map(ApprovalsResource::process).orElse(null));
        out.put("requests", approvals.requests(type, id).stream().map(ApprovalsResource::request).toList());
        return out;
    }

    /**
     * @param type a record type
     * @param id a record the caller may edit
     * @param body {@code {"comment": "..."}}, may be omitted
     * @return 201 with the pending request
     */
    @POST
    @Path("records/{type}/{id}/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("type") String type, @PathParam("id") long id, CommentBody body) {
        access.requireRecordType(type);
        ApprovalRequest request = approvals.submit(type, id, comment(body));
        return Response.created(URI.create("/api/v1/automation/approvals/records/" + type + "/" + id))
                .entity(request(request)).build();
    }

    /**
     * @param type a record type
     * @param id a record waiting for the caller's approval
     * @param body {@code {"comment": "..."}}, may be omitted
     * @return the request after the decision
     */
    @POST
    @Path("records/{type}/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> approve(@PathParam("type") String type, @PathParam("id") long id, CommentBody body) {
        access.requireRecordType(type);
        return request(approvals.approve(type, id, comment(body)));
    }

    /**
     * @param type a record type
     * @param id a record waiting for the caller's approval
     * @param body {@code {"comment": "..."}}, may be omitted
     * @return the request, rejected
     */
    @POST
    @Path("records/{type}/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> reject(@PathParam("type") String type, @PathParam("id") long id, CommentBody body) {
        access.requireRecordType(type);
        return request(approvals.reject(type, id, comment(body)));
    }

    /**
     * @param type a record type
     * @return {@code data}: its requests waiting for the caller's decision, oldest first
     */
    @GET
    @Path("waiting/{type}")
    public Map<String, Object> waiting(@PathParam("type") String type) {
        access.requireRecordType(type);
        return Map.of("data", approvals.waiting(type).stream().map(ApprovalsResource::request).toList());
    }

    private static String comment(CommentBody body) {
        return body == null || body.comment() == null ? "" : body.comment();
    }

    private static ApprovalProcess process(long id, ProcessBody body) {
        if (body == null) {
            throw RecordAccess.invalid("name", "Send the process as JSON");
        }
        CriteriaBody criteria = body.criteria() == null ? new CriteriaBody(null, null) : body.criteria();
        List<Filter> conditions = criteria.conditions() == null ? List.of() : criteria.conditions().stream().map(c -> {
            FilterOp op;
            try {
                op = FilterOp.valueOf(c.op() == null ? "" : c.op().strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
            } catch (IllegalArgumentException e) {
                throw RecordAccess.invalid("criteria", "Unknown operator \"" + c.op() + "\": use one of "
                        + List.of(FilterOp.values()));
            }
            try {
                return new Filter(c.field() == null ? "" : c.field(), op, c.values() == null ? List.of() : c.values());
            } catch (IllegalArgumentException e) {
                throw RecordAccess.invalid("criteria", c.field() + ": " + e.getMessage());
            }
        }).toList();
        Criteria.Match match = "any".equalsIgnoreCase(criteria.match()) ? Criteria.Match.ANY : Criteria.Match.ALL;
        List<ApprovalStep> steps = body.steps() == null ? List.of() : body.steps().stream()
                .map(s -> "user".equalsIgnoreCase(s.approver()) ? ApprovalStep.user(s.user() == null ? "" : s.user())
                        : ApprovalStep.manager()).toList();
        return new ApprovalProcess(id, body.name() == null ? "" : body.name(),
                body.recordType() == null ? "" : body.recordType(), new Criteria(match, conditions), steps,
                body.gateField(), body.gateValues(), body.active() == null || body.active(),
                body.version() == null ? 0 : body.version());
    }

    static Map<String, Object> process(ApprovalProcess p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", p.id());
        out.put("name", p.name());
        out.put("recordType", p.recordType());
        out.put("criteria", Map.of("match", p.criteria().match().name(), "conditions", p.criteria().conditions()
                .stream().map(f -> Map.of("field", f.field(), "op", f.op().name(), "values", f.values())).toList()));
        out.put("steps", p.steps().stream().map(s -> Map.of("approver", s.approver().name().toLowerCase(Locale.ROOT),
                "user", s.user())).toList());
        out.put("gateField", p.gateField());
        out.put("gateValues", p.gateValues());
        out.put("active", p.active());
        out.put("version", p.version());
        return out;
    }

    static Map<String, Object> request(ApprovalRequest r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("processId", r.processId());
        out.put("process", r.processName());
        out.put("recordType", r.recordType());
        out.put("recordId", r.recordId());
        out.put("submitter", r.submitter());
        out.put("comment", r.comment());
        out.put("status", r.status().name());
        out.put("step", r.step());
        out.put("steps", r.steps().size());
        out.put("approvers", r.approvers());
        out.put("submittedAt", r.submittedAt().toString());
        out.put("decidedAt", r.decidedAt().map(Object::toString).orElse(null));
        out.put("decisions", r.decisions().stream().map(ApprovalsResource::decision).toList());
        return out;
    }

    private static Map<String, Object> decision(ApprovalDecision d) {
        return Map.of("step", d.step(), "approver", d.approver(), "approved", d.approved(), "comment", d.comment(),
                "at", d.at().toString());
    }

    /**
     * A process as sent.
     *
     * @param name the unique name
     * @param recordType the record type id
     * @param criteria the records that must be approved; left out: every record
     * @param steps the steps in order
     * @param gateField a pick-list field whose {@code gateValues} need approval first; may be omitted
     * @param gateValues those values
     * @param active whether it applies (default true)
     * @param version the version read, for a change
     */
    public record ProcessBody(String name, String recordType, CriteriaBody criteria, List<StepBody> steps,
            String gateField, List<String> gateValues, Boolean active, Long version) {
    }

    /**
     * @param match {@code ALL} (default) or {@code ANY}
     * @param conditions the conditions
     */
    public record CriteriaBody(String match, List<ConditionBody> conditions) {
    }

    /**
     * @param field a field of the record type
     * @param op an operator: CONTAINS, EQUALS, NOT_EQUALS, EMPTY, NOT_EMPTY, BETWEEN, IN
     * @param values its values (BETWEEN: from and to, either may be "")
     */
    public record ConditionBody(String field, String op, List<String> values) {
    }

    /**
     * @param approver {@code manager} (the submitter's manager) or {@code user}
     * @param user the user name for {@code user}
     */
    public record StepBody(String approver, String user) {
    }

    /** @param comment a comment, may be omitted */
    public record CommentBody(String comment) {
    }
}
