package org.tesseracrm.reports.internal.dashboard;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.reports.api.Reports;
import org.tesseracrm.reports.api.Sharing;
import org.tesseracrm.reports.internal.rest.ReportsResource.SharingView;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/v1/dashboards}: the dashboards of the token's user through {@link DashboardService}, which checks
 * every permission. A dashboard's {@code period} is {@code ALL}, {@code THIS_MONTH}, {@code LAST_MONTH},
 * {@code THIS_QUARTER}, {@code THIS_YEAR} or {@code CUSTOM} with {@code from} and {@code to} (ISO days, both
 * included); {@code widgets} are in their order, each a {@code reportKey} ({@code report:12}, {@code source:kpi.nps})
 * and a {@code width} of 1 to 4 columns. {@code PUT /defaults/{profileId}} sets the Home page's dashboard of a
 * profile (reports admins). Errors are the REST runtime's problems: 422, 403, 404, 409 on a stale version.
 */
@Component(service = DashboardsResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.dashboards", "osgi.jakartars.extension.select=(osgi.jakartars.name=tessera.json)"})
@Path("v1/dashboards")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardsResource {
    private final DashboardService dashboards;
    private final AccessControl access;

    /**
     * @param dashboards does the work and checks the permissions
     * @param access checks {@code reports.build} before a body is read, so that a caller without it is refused (403)
     *     before being told what is wrong with the body (422)
     */
    @Activate
    public DashboardsResource(@Reference DashboardService dashboards, @Reference AccessControl access) {
        this.dashboards = dashboards;
        this.access = access;
    }

    /** A widget: a report key and a width in columns. */
    public record WidgetView(String reportKey, int width) {
    }

    /** A dashboard as the API shows it. */
    public record DashboardView(long id, long version, String name, String owner, SharingView sharing, String period,
            String from, String to, List<WidgetView> widgets, String updatedAt) {
        static DashboardView of(Dashboard d) {
            return new DashboardView(d.id(), d.version(), d.name(), d.owner(), shown(d.sharing()),
                    d.period().choice().name(), d.period().from().map(Object::toString).orElse(null),
                    d.period().to().map(Object::toString).orElse(null),
                    d.widgets().stream().map(w -> new WidgetView(w.reportKey(), w.width())).toList(),
                    d.updatedAt().toString());
        }
    }

    /** The body of a create or update: {@code version} is the one read (ignored on create). */
    public record DashboardRequest(Long version, String name, SharingView sharing, String period, String from,
            String to, List<WidgetView> widgets) {
        DashboardInput input(long id) {
            DashboardPeriod chosen;
            try {
                DashboardPeriod.Choice choice = period == null || period.isBlank() ? DashboardPeriod.Choice.ALL
                        : DashboardPeriod.Choice.valueOf(period.strip());
                chosen = choice == DashboardPeriod.Choice.CUSTOM ? DashboardPeriod.custom(day(from), day(to))
                        : DashboardPeriod.of(choice);
            } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
                throw new ValidationException(List.of(new FieldError("period", "Give ALL, THIS_MONTH, LAST_MONTH, "
                        + "THIS_QUARTER, THIS_YEAR, or CUSTOM with from and to as yyyy-MM-dd, from not after to")));
            }
            List<Widget> shown = widgets == null ? List.of() : widgets.stream()
                    .map(w -> new Widget(w.reportKey() == null ? "" : w.reportKey(), w.width())).toList();
            return new DashboardInput(id, version == null ? 0 : version, name,
                    sharing == null ? Sharing.PRIVATE : new Sharing(sharing.everyone(), set(sharing.roles()),
                            set(sharing.groups())), chosen, shown);
        }

        private static LocalDate day(String text) {
            return LocalDate.parse(text);
        }

        private static Set<String> set(List<String> ids) {
            return ids == null ? Set.of() : Set.copyOf(ids);
        }
    }

    /** @return the sharing as the reports API shows a report's (the same JSON) */
    static SharingView shown(Sharing sharing) {
        return new SharingView(sharing.everyone(), sharing.roles().stream().sorted().toList(),
                sharing.groups().stream().sorted().toList());
    }

    /** The body of setting a profile's default: a dashboard id, or null for none. */
    public record DefaultRequest(Long dashboardId) {
    }

    /** @return the dashboards the caller sees */
    @GET
    public List<DashboardView> list() {
        return dashboards.list().stream().map(DashboardView::of).toList();
    }

    /** @return a dashboard */
    @GET
    @Path("{id: [0-9]+}")
    public DashboardView get(@PathParam("id") long id) {
        return DashboardView.of(dashboards.get(id));
    }

    /** @return 201 with the new dashboard and its address */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(DashboardRequest request, @Context UriInfo uri) {
        access.require(Reports.BUILD);
        Dashboard saved = dashboards.save(request == null ? null : request.input(0));
        URI location = uri == null ? URI.create("v1/dashboards/" + saved.id())
                : uri.getBaseUriBuilder().path("v1/dashboards").path(Long.toString(saved.id())).build();
        return Response.created(location).entity(DashboardView.of(saved)).build();
    }

    /** @return the dashboard as changed */
    @PUT
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DashboardView update(@PathParam("id") long id, DashboardRequest request) {
        access.require(Reports.BUILD);
        return DashboardView.of(dashboards.save(request == null ? null : request.input(id)));
    }

    /** @return 204 once deleted */
    @DELETE
    @Path("{id: [0-9]+}")
    public Response delete(@PathParam("id") long id, @QueryParam("version") long version) {
        dashboards.delete(id, version);
        return Response.noContent().build();
    }

    /** @return the default dashboard's id by profile id (reports admins) */
    @GET
    @Path("defaults")
    public Map<Long, Long> defaults() {
        return dashboards.defaults();
    }

    /** @return 204 once the profile's default is set or cleared (reports admins) */
    @PUT
    @Path("defaults/{profileId: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setDefault(@PathParam("profileId") long profileId, DefaultRequest request) {
        dashboards.setDefault(profileId, Optional.ofNullable(request == null ? null : request.dashboardId()));
        return Response.noContent().build();
    }
}
