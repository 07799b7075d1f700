package org.tesseracrm.automation.internal.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.automation.api.Automation;
import org.tesseracrm.automation.api.Schedule;
import org.tesseracrm.automation.api.Schedules;
import org.tesseracrm.automation.internal.rest.PartsJson.RunJson;
import org.tesseracrm.automation.internal.rest.PartsJson.ScheduleJson;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.security.AccessControl;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/automation/schedules}: schedules (list, read, create, change, delete), a run now and the runs,
 * through {@link Schedules}; every call needs {@code automation.configure}.
 */
@Component(service = SchedulesResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.automation.schedules",
        "osgi.jakartars.extension.select=" + AutomationResource.JSON})
@Path("v1/automation/schedules")
@Produces(MediaType.APPLICATION_JSON)
public class SchedulesResource {
    private final Schedules schedules;
    private final AccessControl access;

    /**
     * @param schedules does the work and checks the permission
     * @param access checks the permission before the body is looked at
     */
    @Activate
    public SchedulesResource(@Reference Schedules schedules, @Reference AccessControl access) {
        this.schedules = schedules;
        this.access = access;
    }

    /** @return {@code data}: every schedule by name with its next run */
    @GET
    public Map<String, List<ScheduleJson>> list() {
        access.require(Automation.CONFIGURE);
        return PartsJson.data(schedules.schedules().stream().map(PartsJson::json).toList());
    }

    /**
     * @param id a schedule
     * @return the schedule; 404 if there is none
     */
    @GET
    @Path("{id}")
    public ScheduleJson get(@PathParam("id") long id) {
        access.require(Automation.CONFIGURE);
        return PartsJson.json(schedules.schedule(id));
    }

    /**
     * @param body the schedule
     * @return 201 with the schedule as saved and its next run
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ScheduleJson body) {
        access.require(Automation.CONFIGURE);
        Schedule saved = schedules.save(PartsJson.schedule(0, body));
        return Response.created(URI.create("/api/v1/automation/schedules/" + saved.id()))
                .entity(PartsJson.json(saved)).build();
    }

    /**
     * @param id a schedule
     * @param body the whole schedule again
     * @return the schedule as saved; 404 if there is none
     */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ScheduleJson update(@PathParam("id") long id, ScheduleJson body) {
        access.require(Automation.CONFIGURE);
        return PartsJson.json(schedules.save(PartsJson.schedule(id, body)));
    }

    /**
     * @param id a schedule
     * @return 204; 404 if there is none
     */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        access.require(Automation.CONFIGURE);
        if (!schedules.delete(id)) {
            throw new NotFoundException("There is no schedule " + id + ".");
        }
        return Response.noContent().build();
    }

    /**
     * @param id a schedule
     * @return the run, made now
     */
    @POST
    @Path("{id}/run")
    public RunJson run(@PathParam("id") long id) {
        access.require(Automation.CONFIGURE);
        return PartsJson.json(schedules.runNow(id));
    }

    /**
     * @param id a schedule
     * @param limit the most runs listed, 1 to 1000 (50 by default)
     * @return {@code data}: its runs, newest first
     */
    @GET
    @Path("{id}/runs")
    public Map<String, List<RunJson>> runs(@PathParam("id") long id,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        access.require(Automation.CONFIGURE);
        if (limit < 1 || limit > AutomationResource.MAX_RUNS) {
            throw new ValidationException(List.of(new FieldError("limit", "List 1 to " + AutomationResource.MAX_RUNS
                    + " runs.")));
        }
        return PartsJson.data(schedules.runs(id, limit).stream().map(PartsJson::json).toList());
    }
}
