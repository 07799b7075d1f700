package org.tesseracrm.cases.internal.sla.rest;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.cases.internal.CasesModule;
import org.tesseracrm.cases.internal.sla.EscalationRule;
import org.tesseracrm.cases.internal.sla.Resolution;
import org.tesseracrm.cases.internal.sla.SlaCalendar;
import org.tesseracrm.cases.internal.sla.SlaService;
import org.tesseracrm.cases.internal.sla.rest.SlaJson.CalendarBody;
import org.tesseracrm.cases.internal.sla.rest.SlaJson.RuleBody;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
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
 * {@code /api/v1/cases/sla/...}: the SLA settings the page Administration → Case SLA and escalation and the shell's
 * {@code crm:case-sla-*} commands change: business calendars (hours per weekday, holidays, time zone, at-risk share),
 * resolution times per priority, the calendar of each case type, escalation rules, the sweep by hand, and the
 * recomputes of due times under way. Reading needs {@code cases.view}, every change {@code cases.configure}: checked
 * here before the body is read, and again by {@link SlaService}, which does the work. Bodies that do not read are
 * refused with field errors (422), problem+json by the REST runtime's mapper.
 */
@Component(service = SlaResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.cases.sla", "osgi.jakartars.extension.select=" + SlaResource.JSON})
@Path("v1/cases/sla")
@Produces(MediaType.APPLICATION_JSON)
public class SlaResource {
    /** The REST runtime's JSON provider. */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";

    private final SlaService sla;
    private final AccessControl access;

    /**
     * @param sla does the work and checks the permissions
     * @param access checks the permission before the body is looked at
     */
    @Activate
    public SlaResource(@Reference SlaService sla, @Reference AccessControl access) {
        this.sla = sla;
        this.access = access;
    }

    /** @return {@code data}: every calendar, by name */
    @GET
    @Path("calendars")
    public Map<String, Object> calendars() {
        access.require(CasesModule.VIEW);
        return Map.of("data", sla.calendars().stream().map(SlaJson::calendar).toList());
    }

    /**
     * @param id a calendar
     * @return it
     */
    @GET
    @Path("calendars/{id}")
    public Map<String, Object> calendar(@PathParam("id") long id) {
        access.require(CasesModule.VIEW);
        return SlaJson.calendar(sla.calendar(id));
    }

    /**
     * @param body the calendar; {@code name} required
     * @return 201 with the calendar as stored
     */
    @POST
    @Path("calendars")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createCalendar(CalendarBody body) {
        access.require(CasesModule.CONFIGURE);
        SlaCalendar saved = sla.saveCalendar(SlaJson.calendar(0, body, Optional.empty()));
        return Response.created(URI.create("/api/v1/cases/sla/calendars/" + saved.id()))
                .entity(SlaJson.calendar(saved)).build();
    }

    /**
     * Changes a calendar; the due times of the open cases counting in it are worked out again when its hours,
     * holidays, time zone or at-risk share change.
     *
     * @param id a calendar
     * @param body what changes; fields left out keep their values, {@code holidays} replaces the list
     * @return the calendar as stored
     */
    @PUT
    @Path("calendars/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> updateCalendar(@PathParam("id") long id, CalendarBody body) {
        access.require(CasesModule.CONFIGURE);
        SlaCalendar old = sla.calendar(id);
        return SlaJson.calendar(sla.saveCalendar(SlaJson.calendar(id, body, Optional.of(old))));
    }

    /**
     * @param id a calendar that is not the Default and that no case type or case uses
     * @return 204
     */
    @DELETE
    @Path("calendars/{id}")
    public Response deleteCalendar(@PathParam("id") long id) {
        access.require(CasesModule.CONFIGURE);
        sla.deleteCalendar(id);
        return Response.noContent().build();
    }

    /** @return {@code data}: each priority with an SLA and its resolution time ({@code 40m}, {@code 8h}, {@code 2d}) */
    @GET
    @Path("resolutions")
    public Map<String, Object> resolutions() {
        access.require(CasesModule.VIEW);
        return Map.of("data", sla.resolutions().entrySet().stream()
                .map(e -> Map.of("priority", e.getKey(), "time", e.getValue().toString())).toList());
    }

    /**
     * Sets a priority's resolution time; the due times of its open cases are worked out again.
     *
     * @param priority a priority value
     * @param body {@code {"time": "40m"}} (minutes, hours or business days); {@code "none"} or null for no SLA
     * @return the priority and its time
     */
    @PUT
    @Path("resolutions/{priority}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> setResolution(@PathParam("priority") String priority, TimeBody body) {
        access.require(CasesModule.CONFIGURE);
        String text = body == null || body.time() == null ? "none" : body.time().strip();
        Optional<Resolution> resolution;
        try {
            resolution = text.isEmpty() || text.equalsIgnoreCase("none") ? Optional.empty()
                    : Optional.of(Resolution.parse(text));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldError("time", e.getMessage())));
        }
        sla.setResolution(priority, resolution);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("priority", priority.strip());
        out.put("time", resolution.map(Resolution::toString).orElse(null));
        return out;
    }

    /**
     * Removes a priority's SLA (its cases lose their due time).
     *
     * @param priority a priority value
     * @return 204
     */
    @DELETE
    @Path("resolutions/{priority}")
    public Response deleteResolution(@PathParam("priority") String priority) {
        access.require(CasesModule.CONFIGURE);
        sla.setResolution(priority, Optional.empty());
        return Response.noContent().build();
    }

    /** @return {@code data}: each case type with a calendar of its own (the others count in the Default) */
    @GET
    @Path("type-calendars")
    public Map<String, Object> typeCalendars() {
        access.require(CasesModule.VIEW);
        return Map.of("data", sla.typeCalendars().entrySet().stream()
                .map(e -> Map.of("caseType", e.getKey(), "calendarId", e.getValue())).toList());
    }

    /**
     * Sets the calendar a case type's cases count in; their due times are worked out again.
     *
     * @param caseType a case type
     * @param body {@code {"calendarId": 12}}; null for the Default
     * @return the type and its calendar id (null for the Default)
     */
    @PUT
    @Path("type-calendars/{caseType}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> setTypeCalendar(@PathParam("caseType") String caseType, CalendarIdBody body) {
        access.require(CasesModule.CONFIGURE);
        Optional<Long> id = Optional.ofNullable(body == null ? null : body.calendarId());
        sla.setTypeCalendar(caseType, id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("caseType", caseType.strip());
        out.put("calendarId", id.orElse(null));
        return out;
    }

    /** @return {@code data}: the escalation rules, the one that applies first first */
    @GET
    @Path("rules")
    public Map<String, Object> rules() {
        access.require(CasesModule.VIEW);
        return Map.of("data", sla.rules().stream().map(SlaJson::rule).toList());
    }

    /**
     * @param id a rule
     * @return it
     */
    @GET
    @Path("rules/{id}")
    public Map<String, Object> rule(@PathParam("id") long id) {
        access.require(CasesModule.VIEW);
        return SlaJson.rule(sla.rule(id));
    }

    /**
     * @param body the rule; {@code trigger} and {@code amount} required
     * @return 201 with the rule as stored
     */
    @POST
    @Path("rules")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createRule(RuleBody body) {
        access.require(CasesModule.CONFIGURE);
        EscalationRule saved = sla.saveRule(SlaJson.rule(0, body, Optional.empty()));
        return Response.created(URI.create("/api/v1/cases/sla/rules/" + saved.id())).entity(SlaJson.rule(saved))
                .build();
    }

    /**
     * @param id a rule
     * @param body what changes; fields left out keep their values
     * @return the rule as stored
     */
    @PUT
    @Path("rules/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> updateRule(@PathParam("id") long id, RuleBody body) {
        access.require(CasesModule.CONFIGURE);
        EscalationRule old = sla.rule(id);
        return SlaJson.rule(sla.saveRule(SlaJson.rule(id, body, Optional.of(old))));
    }

    /**
     * @param id a rule
     * @return 204
     */
    @DELETE
    @Path("rules/{id}")
    public Response deleteRule(@PathParam("id") long id) {
        access.require(CasesModule.CONFIGURE);
        sla.deleteRule(id);
        return Response.noContent().build();
    }

    /** @return {@code escalated}: how many cases the sweep run now escalated */
    @POST
    @Path("sweep")
    public Map<String, Object> sweep() {
        access.require(CasesModule.CONFIGURE);
        return Map.of("escalated", sla.sweepNow());
    }

    /**
     * @return {@code data}: the recomputes of due times under way (scope, last case id done, cases done, requested
     *     at); empty once every change has reached all its cases
     */
    @GET
    @Path("recomputes")
    public Map<String, Object> recomputes() {
        access.require(CasesModule.VIEW);
        return Map.of("data", sla.recomputes().stream().map(p -> Map.of("scope", p.scope(), "afterId", p.afterId(),
                "done", p.done(), "requestedAt", p.requestedAt().toString())).toList());
    }

    /** @param time a resolution time such as {@code 40m}, {@code 8h}, {@code 2d}, or {@code none} */
    public record TimeBody(String time) {
    }

    /** @param calendarId a calendar's id; null for the Default */
    public record CalendarIdBody(Long calendarId) {
    }
}
