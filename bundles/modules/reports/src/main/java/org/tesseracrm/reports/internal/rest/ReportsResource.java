package org.tesseracrm.reports.internal.rest;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.AggregateRow;
import org.tesseracrm.kernel.api.record.ExportFormat;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.reports.api.Drill;
import org.tesseracrm.reports.api.Frequency;
import org.tesseracrm.reports.api.Period;
import org.tesseracrm.reports.api.Report;
import org.tesseracrm.reports.api.ReportInfo;
import org.tesseracrm.reports.api.ReportInput;
import org.tesseracrm.reports.api.ReportResult;
import org.tesseracrm.reports.api.ReportSpec;
import org.tesseracrm.reports.api.Reports;
import org.tesseracrm.reports.api.Schedule;
import org.tesseracrm.reports.api.ScheduleInput;
import org.tesseracrm.reports.api.ShareTarget;
import org.tesseracrm.reports.api.Sharing;
import org.tesseracrm.reports.internal.engine.ReportFiles;
import org.tesseracrm.reports.internal.store.SpecJson;

import com.fasterxml.jackson.databind.JsonNode;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/v1/reports}: saved and contributed reports through {@link Reports}, which checks the permissions for
 * the token's user and runs every report as them. A report is named in a path by its id ({@code 12}) or, for a
 * contributed one, by its key ({@code source:kpi.nps}). Periods are {@code ?from=2026-01-01&to=2026-03-31}, both
 * days included. Errors are the REST runtime's problems: 422 with field errors, 403, 404, 409 on a stale version. A
 * whiteboard resource served once crm-rest is installed and an idle service without it.
 */
@Component(service = ReportsResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.reports", "osgi.jakartars.extension.select=" + ReportsResource.JSON})
@Path("v1/reports")
@Produces(MediaType.APPLICATION_JSON)
public class ReportsResource {
    /** The REST runtime's JSON provider. */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";

    private final Reports reports;
    private final AccessControl access;

    /**
     * @param reports does the work and checks the permissions
     * @param access checks {@code reports.view} before a query parameter is parsed, so that a caller without it is
     *     refused (403) before being told what is wrong with a parameter (422)
     */
    @Activate
    public ReportsResource(@Reference Reports reports, @Reference AccessControl access) {
        this.reports = reports;
        this.access = access;
    }

    /** A report as the API shows and takes it; {@code spec} as in the API guide. */
    public record ReportView(long id, long version, String key, String name, String description, String owner,
            JsonNode spec, SharingView sharing, String updatedAt) {
        static ReportView of(Report r) {
            return new ReportView(r.id(), r.version(), r.key(), r.name(), r.description(), r.owner(),
                    SpecJson.tree(r.spec()), SharingView.of(r.sharing()), r.updatedAt().toString());
        }
    }

    /** Who besides the owner sees a report: everyone, role ids, group ids. */
    public record SharingView(boolean everyone, List<String> roles, List<String> groups) {
        static SharingView of(Sharing s) {
            return new SharingView(s.everyone(), s.roles().stream().sorted().toList(),
                    s.groups().stream().sorted().toList());
        }

        Sharing sharing() {
            return new Sharing(everyone, roles == null ? Set.of() : Set.copyOf(roles),
                    groups == null ? Set.of() : Set.copyOf(groups));
        }
    }

    /** The body of a create or update: {@code version} is the one read (ignored on create). */
    public record ReportRequest(Long version, String name, String description, JsonNode spec, SharingView sharing) {
    }

    /** A result row: the groups' raw keys ({@code null} for no value), their labels and the figures. */
    public record RowView(List<String> keys, List<String> labels, List<BigDecimal> values) {
    }

    /** A report's result. */
    public record ResultView(String title, List<String> groupHeaders, List<String> measureHeaders, List<RowView> rows,
            String notice, String drillType) {
        static ResultView of(ReportResult r) {
            List<RowView> rows = new ArrayList<>();
            for (AggregateRow row : r.rows()) {
                rows.add(new RowView(row.keys().stream().map(k -> k.orElse(null)).toList(), row.labels(),
                        row.values()));
            }
            return new ResultView(r.title(), r.groupHeaders(), r.measureHeaders(), rows, r.notice().orElse(null),
                    r.drillType().orElse(null));
        }
    }

    /** The body of a drill: a row's keys ({@code null} for no value) and the period the report was run for. */
    public record DrillRequest(List<String> keys, String from, String to) {
    }

    /** A filter of a drill, as the record API's list filters take it. */
    public record FilterView(String field, String op, List<String> values) {
    }

    /** The records behind a row: list {@code /api/v1/records/<recordType>} with this text and these filters. */
    public record DrillView(String recordType, String text, List<FilterView> filters) {
        static DrillView of(Drill d) {
            List<FilterView> filters = new ArrayList<>();
            for (Filter f : d.filters()) {
                filters.add(new FilterView(f.field(), f.op().name(), f.values()));
            }
            return new DrillView(d.recordType(), d.text().orElse(null), filters);
        }
    }

    /** The body of a preview: a spec and an optional period. */
    public record PreviewRequest(JsonNode spec, String from, String to) {
    }

    /** A schedule: {@code frequency} NONE, DAILY, WEEKLY or MONTHLY; {@code format} XLSX or CSV. */
    public record ScheduleView(String frequency, String format, List<String> recipients, String next) {
        static ScheduleView of(Schedule s) {
            return new ScheduleView(s.frequency().name(), s.format().name(),
                    s.recipients().stream().sorted().toList(), s.next().map(Object::toString).orElse(null));
        }
    }

    /** @return the reports the caller sees, saved and contributed */
    @GET
    public List<ReportInfo> list() {
        return reports.list();
    }

    /** @return the roles and groups a report can be shared with */
    @GET
    @Path("share-targets")
    public List<ShareTarget> shareTargets() {
        return reports.shareTargets();
    }

    /** @return a saved report */
    @GET
    @Path("{id: [0-9]+}")
    public ReportView get(@PathParam("id") long id) {
        return ReportView.of(reports.get(id));
    }

    /** @return 201 with the new report and its address */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(ReportRequest request, @Context UriInfo uri) {
        access.require(Reports.BUILD);
        Report saved = reports.save(input(0, request));
        URI location = uri == null ? URI.create("v1/reports/" + saved.id())
                : uri.getBaseUriBuilder().path("v1/reports").path(Long.toString(saved.id())).build();
        return Response.created(location).entity(ReportView.of(saved)).build();
    }

    /** @return the report as changed */
    @PUT
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReportView update(@PathParam("id") long id, ReportRequest request) {
        access.require(Reports.BUILD);
        return ReportView.of(reports.save(input(id, request)));
    }

    /** @return 204 once deleted */
    @DELETE
    @Path("{id: [0-9]+}")
    public Response delete(@PathParam("id") long id, @QueryParam("version") long version) {
        reports.delete(id, version);
        return Response.noContent().build();
    }

    /** @return the result, run as the caller */
    @GET
    @Path("{ref}/run")
    public ResultView run(@PathParam("ref") String ref, @QueryParam("from") String from, @QueryParam("to") String to) {
        access.require(Reports.VIEW);
        return ResultView.of(reports.run(key(ref), period(from, to)));
    }

    /** @return the result of a spec that is not saved */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public ResultView preview(PreviewRequest request) {
        access.require(Reports.VIEW);
        return ResultView.of(reports.preview(request == null ? null : spec(request.spec()),
                request == null ? Optional.empty() : period(request.from(), request.to())));
    }

    /** @return the record type and filters that list the records of one row */
    @POST
    @Path("{ref}/drill")
    @Consumes(MediaType.APPLICATION_JSON)
    public DrillView drill(@PathParam("ref") String ref, DrillRequest request) {
        access.require(Reports.VIEW);
        List<Optional<String>> keys = new ArrayList<>();
        if (request != null && request.keys() != null) {
            request.keys().forEach(k -> keys.add(Optional.ofNullable(k)));
        }
        return DrillView.of(reports.drill(key(ref), keys,
                request == null ? Optional.empty() : period(request.from(), request.to())));
    }

    /** @return the report as an xlsx or csv file */
    @GET
    @Path("{ref}/export")
    @Produces({MediaType.WILDCARD, MediaType.APPLICATION_JSON})
    public Response export(@PathParam("ref") String ref, @QueryParam("format") String format,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        access.require(Reports.VIEW);
        ExportFormat chosen = format(format);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String key = key(ref);
        reports.export(key, chosen, period(from, to), out);
        String name = key.startsWith(ReportInfo.REPORT_PREFIX) ? "report-" + ref : key.replace(':', '-');
        return Response.ok(out.toByteArray(), chosen == null ? ExportFormat.XLSX.mediaType() : chosen.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\""
                        + ReportFiles.fileName(name, chosen == null ? ExportFormat.XLSX : chosen) + "\"")
                .build();
    }

    /** @return the report's e-mail schedule */
    @GET
    @Path("{id: [0-9]+}/schedule")
    public ScheduleView schedule(@PathParam("id") long id) {
        return ScheduleView.of(reports.schedule(id));
    }

    /** @return the schedule as set */
    @PUT
    @Path("{id: [0-9]+}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    public ScheduleView setSchedule(@PathParam("id") long id, ScheduleView request) {
        access.require(Reports.SHARE);
        ScheduleInput input = null;
        if (request != null) {
            input = new ScheduleInput(parse(Frequency.class, "frequency", request.frequency()),
                    request.format() == null ? ExportFormat.XLSX : format(request.format()),
                    request.recipients() == null ? Set.of() : Set.copyOf(request.recipients()));
        }
        return ScheduleView.of(reports.schedule(id, input));
    }

    private static ReportInput input(long id, ReportRequest request) {
        if (request == null) {
            return null; // refused by the service after its permission check
        }
        return new ReportInput(id, request.version() == null ? 0 : request.version(), request.name(),
                request.description(), spec(request.spec()),
                request.sharing() == null ? Sharing.PRIVATE : request.sharing().sharing());
    }

    private static ReportSpec spec(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return SpecJson.read(node);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldError("spec", "This is not a report spec: "
                    + e.getMessage())));
        }
    }

    private static String key(String ref) {
        return ref != null && ref.matches("[0-9]+") ? ReportInfo.REPORT_PREFIX + ref : ref;
    }

    private static Optional<Period> period(String from, String to) {
        boolean noFrom = from == null || from.isBlank();
        boolean noTo = to == null || to.isBlank();
        if (noFrom && noTo) {
            return Optional.empty();
        }
        try {
            LocalDate start = noFrom ? LocalDate.of(1900, 1, 1) : LocalDate.parse(from.strip());
            LocalDate end = noTo ? LocalDate.of(9999, 12, 31) : LocalDate.parse(to.strip());
            if (end.isBefore(start)) {
                throw new ValidationException(List.of(new FieldError("to", "The period ends before it starts")));
            }
            return Optional.of(new Period(start, end));
        } catch (DateTimeParseException e) {
            throw new ValidationException(List.of(new FieldError(noFrom ? "to" : "from",
                    "Enter days like 2026-03-31")));
        }
    }

    private static ExportFormat format(String format) {
        return format == null || format.isBlank() ? ExportFormat.XLSX : parse(ExportFormat.class, "format", format);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldError(field, "Not one of " + java.util.Arrays.toString(
                    type.getEnumConstants()).toLowerCase(Locale.ROOT))));
        }
    }
}
