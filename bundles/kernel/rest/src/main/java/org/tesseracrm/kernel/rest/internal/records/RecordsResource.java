package org.tesseracrm.kernel.rest.internal.records;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.glassfish.jersey.media.multipart.FormDataContentDisposition;
import org.glassfish.jersey.media.multipart.FormDataParam;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtensionSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.audit.AuditTrail;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.Attachment;
import org.tesseracrm.kernel.api.record.Attachments;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.Note;
import org.tesseracrm.kernel.api.record.Notes;
import org.tesseracrm.kernel.api.record.RecordJson;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordSelection;
import org.tesseracrm.kernel.api.record.RecordSlice;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.ApiToken;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.rest.internal.JsonProvider;
import org.tesseracrm.kernel.rest.internal.Problem.FieldProblem;
import org.tesseracrm.kernel.rest.internal.ProblemException;
import org.tesseracrm.kernel.rest.internal.RecordTypeFilter;
import org.tesseracrm.kernel.rest.internal.records.ListParameters.ListRequest;
import org.tesseracrm.kernel.rest.internal.records.Views.AttachmentView;
import org.tesseracrm.kernel.rest.internal.records.Views.Data;
import org.tesseracrm.kernel.rest.internal.records.Views.HistoryView;
import org.tesseracrm.kernel.rest.internal.records.Views.LookupView;
import org.tesseracrm.kernel.rest.internal.records.Views.NoteInput;
import org.tesseracrm.kernel.rest.internal.records.Views.NoteView;
import org.tesseracrm.kernel.rest.internal.records.Views.Page;
import org.tesseracrm.kernel.rest.internal.records.Views.TypeView;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * The generic record endpoints, {@code /api/v1/records/...}, for every installed record type: the type is looked up
 * on every call ({@link RecordTypes}) and its fields with the custom ones ({@link CustomFields#fields}), so types come
 * and go with their modules and a custom field is in the API as soon as it is added. Every read and write goes
 * through the services the UI uses (Records, Notes, Attachments, AuditTrail), which check permissions and visibility
 * as the token's user; every address of a type names it as {@code {type}}, which {@link RecordTypeFilter} checks
 * against the token's record types. Records are written and read as {@link RecordJson} gives them.
 */
@Component(service = RecordsResource.class)
@JakartarsResource
@JakartarsName("tessera.records")
@JakartarsExtensionSelect(JsonProvider.SELECT)
@Path("v1/records")
@Produces(MediaType.APPLICATION_JSON)
public class RecordsResource {
    private static final String TYPE = "{" + RecordTypeFilter.TYPE_PARAMETER + "}";
    private static final String RECORD = TYPE + "/{id: [0-9]+}";
    private static final int DEFAULT_LOOKUPS = 20;

    private final RecordTypes types;
    private final CustomFields customFields;
    private final Records records;
    private final Notes notes;
    private final Attachments attachments;
    private final AuditTrail audit;
    private final AccessControl access;
    private final CallerContext callers;
    private final RecordWriter writer;
    private final BulkWriter bulk;

    /**
     * @param types the installed record types
     * @param customFields every type's fields, custom ones included
     * @param records reads and writes records
     * @param notes records' notes
     * @param attachments records' files
     * @param audit records' history
     * @param access which types the caller may view
     * @param callers the call's token
     * @param scope the transaction of a change with an owner, and of an atomic bulk call
     */
    @Activate
    public RecordsResource(@Reference RecordTypes types, @Reference CustomFields customFields, @Reference Records records,
            @Reference Notes notes, @Reference Attachments attachments, @Reference AuditTrail audit,
            @Reference AccessControl access, @Reference CallerContext callers, @Reference TransactionScope scope) {
        this.types = types;
        this.customFields = customFields;
        this.records = records;
        this.notes = notes;
        this.attachments = attachments;
        this.audit = audit;
        this.access = access;
        this.callers = callers;
        this.writer = new RecordWriter(records, scope);
        this.bulk = new BulkWriter(writer, scope);
    }

    /** @return the installed record types the caller may view (and the token may touch), with their fields */
    @GET
    public Data<TypeView> types() {
        Optional<ApiToken> token = callers.token();
        return new Data<>(types.all().stream()
                .filter(type -> access.permitted(type.moduleId() + ".view"))
                .filter(type -> token.map(t -> t.recordTypes().isEmpty() || t.recordTypes().contains(type.id())).orElse(true))
                .flatMap(type -> described(type).stream()).toList());
    }

    /** @return the type with its fields; empty if its module went away since the list was taken */
    private Optional<TypeView> described(RecordType type) {
        try {
            return Optional.of(TypeView.of(type, customFields.fields(type.id())));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    /**
     * @param type a record type id
     * @param uri the query parameters, and the address of the next page
     * @return a page of records and the cursor of the next, also as a {@code Link} header
     */
    @GET
    @Path(TYPE)
    public Response list(@PathParam("type") String type, @Context UriInfo uri) {
        RecordType recordType = type(type);
        List<FieldDefinition> fields = customFields.fields(recordType.id());
        ListRequest request = ListParameters.parse(uri.getQueryParameters(), fields);
        RecordSlice slice;
        try {
            slice = records.slice(recordType.id(), request.query(), request.cursor());
        } catch (ValidationException e) { // a filter value or cursor that does not parse: the query is wrong
            throw new ProblemException(400, "The query was refused.",
                    e.errors().stream().map(f -> new FieldProblem(f.field(), f.message())).toList());
        }
        Page page = new Page(slice.rows().stream().map(row -> RecordJson.write(fields, row, request.fields())).toList(),
                slice.next().orElse(null));
        Response.ResponseBuilder answer = Response.ok(page);
        slice.next().ifPresent(next -> answer.links(Link.fromUri(uri.getRequestUriBuilder()
                .replaceQueryParam("cursor", "{cursor}").build(next)).rel("next").build()));
        return answer.build();
    }

    /**
     * @param type a record type id
     * @param id a record id
     * @param uri the address, without query parameters
     * @return the record, with its version as ETag
     */
    @GET
    @Path(RECORD)
    public Response get(@PathParam("type") String type, @PathParam("id") long id, @Context UriInfo uri) {
        RecordType recordType = type(type, uri);
        List<FieldDefinition> fields = customFields.fields(recordType.id());
        RecordRow row = records.get(recordType.id(), id).orElseThrow(() -> new NotFoundException(recordType.label(), id));
        return Response.ok(RecordJson.write(fields, row, List.of())).tag(Preconditions.tag(row.version())).build();
    }

    /**
     * @param type a record type id
     * @param body the record's fields
     * @param uri the address of the new record
     * @return 201 with the record, its address and its ETag
     */
    @POST
    @Path(TYPE)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("type") String type, Map<String, Object> body, @Context UriInfo uri) {
        RecordType recordType = type(type, uri);
        List<FieldDefinition> fields = customFields.fields(recordType.id());
        RecordRow row = writer.create(recordType, fields, requireBody(body));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(row.id())).build();
        return Response.created(location).tag(Preconditions.tag(row.version()))
                .entity(RecordJson.write(fields, row, List.of())).build();
    }

    /**
     * @param type a record type id
     * @param id a record id
     * @param ifMatch the ETag of the version the change is made on; required
     * @param body the fields to change
     * @param uri the address, without query parameters
     * @return the record after the change, with its new ETag
     */
    @PATCH
    @Path(RECORD)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response update(@PathParam("type") String type, @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Map<String, Object> body, @Context UriInfo uri) {
        RecordType recordType = type(type, uri);
        OptionalLong version = Preconditions.ifMatch(ifMatch, true);
        List<FieldDefinition> fields = customFields.fields(recordType.id());
        RecordRow row = writer.change(recordType, fields, id, version, requireBody(body), Set.of());
        return Response.ok(RecordJson.write(fields, row, List.of())).tag(Preconditions.tag(row.version())).build();
    }

    /**
     * @param type a record type id
     * @param id a record id
     * @param ifMatch the ETag of the version the caller means to delete; optional
     * @param uri the address, without query parameters
     * @return 204
     */
    @DELETE
    @Produces({ MediaType.APPLICATION_JSON, org.tesseracrm.kernel.rest.internal.ProblemMapper.PROBLEM_JSON }) // answers 204 or a problem
    @Path(RECORD)
    public Response delete(@PathParam("type") String type, @PathParam("id") long id,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Context UriInfo uri) {
        RecordType recordType = type(type, uri);
        OptionalLong version = Preconditions.ifMatch(ifMatch, false);
        RecordRow row = records.get(recordType.id(), id).orElseThrow(() -> new NotFoundException(recordType.label(), id));
        if (version.isPresent() && version.getAsLong() != row.version()) {
            throw Preconditions.stale(version.getAsLong());
        }
        try {
            if (records.delete(recordType.id(), RecordSelection.of(List.of(id))) == 0) {
                throw new NotFoundException(recordType.label(), id);
            }
        } catch (ConflictException e) {
            if (version.isPresent()) {
                throw Preconditions.stale(version.getAsLong());
            }
            throw e;
        }
        return Response.noContent().build();
    }

    /**
     * @param type a record type id
     * @param request mode and records
     * @param uri the address, without query parameters
     * @return a result per record
     */
    @POST
    @Path(TYPE + "/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkWriter.Answer bulk(@PathParam("type") String type, BulkWriter.BulkRequest request,
            @Context UriInfo uri) {
        RecordType recordType = type(type, uri);
        if (request == null) {
            throw new ProblemException(400, "Send {\"mode\": \"atomic\" or \"each\", \"records\": [...]}.");
        }
        return bulk.run(recordType, customFields.fields(recordType.id()), request);
    }

    /**
     * @param type a record type id
     * @param uri the parameters {@code q} (what was typed) and {@code limit} (1 to 200, default 20)
     * @return matching records' ids and titles, as a lookup field offers them
     */
    @GET
    @Path(TYPE + "/lookup")
    public List<LookupView> lookup(@PathParam("type") String type, @Context UriInfo uri) {
        RecordType recordType = type(type);
        Map<String, List<String>> parameters = uri.getQueryParameters();
        List<FieldProblem> errors = parameters.keySet().stream().filter(name -> !name.equals("q") && !name.equals("limit"))
                .map(name -> new FieldProblem(name, "Unknown query parameter. A lookup takes q and limit.")).toList();
        int limit = DEFAULT_LOOKUPS;
        if (parameters.containsKey("limit")) {
            try {
                limit = Integer.parseInt(parameters.get("limit").get(0).strip());
            } catch (NumberFormatException e) {
                limit = 0;
            }
        }
        if (limit < 1 || limit > ListParameters.MAX_LIMIT) {
            errors = new java.util.ArrayList<>(errors);
            errors.add(new FieldProblem("limit", "Enter a whole number from 1 to " + ListParameters.MAX_LIMIT + "."));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "The query was refused.", errors);
        }
        String text = parameters.getOrDefault("q", List.of("")).get(0);
        return records.lookup(recordType.id(), text, limit).stream().map(ref -> new LookupView(ref.id(), ref.title()))
                .toList();
    }

    /**
     * @param type a record type id
     * @param id a record id
     * @param uri the address, without query parameters
     * @return its notes, newest first
     */
    @GET
    @Path(RECORD + "/notes")
    public Data<NoteView> notes(@PathParam("type") String type, @PathParam("id") long id, @Context UriInfo uri) {
        RecordType recordType = type(type, uri);
        return new Data<>(notes.list(recordType.id(), id).stream().map(NoteView::of).toList());
    }

    /**
     * @param type a record type id
     * @param id a record id
     * @param note {@code {"text": "..."}}
     * @param uri the address, without query parameters
     * @return 201 with the note
     */
    @POST
    @Path(RECORD + "/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addNote(@PathParam("type") String type, @PathParam("id") long id, NoteInput note,
            @Context UriInfo uri) {
        RecordType recordType = type(type, uri);
        if (note == null || note.text() == null) {
            throw new ProblemException(400, "Send {\"text\": \"...\"}.", List.of(new FieldProblem("text", "Missing.")));
        }
        Note added = notes.add(recordType.id(), id, note.text());
        return Response.status(Response.Status.CREATED).entity(NoteView.of(added)).build();
    }

    /**
     * @param type the record type id of the record the note is on
     * @param noteId a note id
     * @param uri the address, without query parameters
     * @return 204
     */
    @DELETE
    @Produces({ MediaType.APPLICATION_JSON, org.tesseracrm.kernel.rest.internal.ProblemMapper.PROBLEM_JSON }) // answers 204 or a problem
    @Path(TYPE + "/notes/{noteId: [0-9]+}")
    public Response deleteNote(@PathParam("type") String type, @PathParam("noteId") long noteId,
            @Context UriInfo uri) {
        notes.delete(type(type, uri).id(), noteId);
        return Response.noContent().build();
    }

    /**
     * @param type a record type id
     * @param id a record id
     * @param uri the address, without query parameters
     * @return its files, newest first
     */
    @GET
    @Path(RECORD + "/attachments")
    public Data<AttachmentView> attachments(@PathParam("type") String type, @PathParam("id") long id,
            @Context UriInfo uri) {
        RecordType recordType = type(type, uri);
        return new Data<>(attachments.list(recordType.id(), id).stream().map(AttachmentView::of).toList());
    }

    /**
     * @param type a record type id
     * @param id a record id
     * @param content the part {@code file}
     * @param disposition its file name
     * @param uri the address of the file
     * @return 201 with the stored file's description and its address
     */
    @POST
    @Path(RECORD + "/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attach(@PathParam("type") String type, @PathParam("id") long id,
            @FormDataParam("file") InputStream content, @FormDataParam("file") FormDataContentDisposition disposition,
            @Context UriInfo uri) {
        RecordType recordType = type(type, uri);
        var stored = Uploads.store(attachments, recordType.id(), id, disposition == null ? null : disposition.getFileName(),
                content);
        URI location = uri.getBaseUriBuilder().path("v1/records").path(recordType.id()).path("attachments")
                .path(Long.toString(stored.id())).build();
        return Response.created(location).entity(AttachmentView.of(stored)).build();
    }

    /**
     * @param type the record type id of the record the file is on
     * @param attachmentId an attachment id
     * @param uri the address, without query parameters
     * @return the file's content, checked against its SHA-256, with its media type and, in
     *     {@code Content-Disposition}, its name
     */
    @GET
    @Path(TYPE + "/attachments/{attachmentId: [0-9]+}")
    @Produces({ MediaType.WILDCARD, MediaType.APPLICATION_JSON })
    public Response download(@PathParam("type") String type, @PathParam("attachmentId") long attachmentId,
            @Context UriInfo uri) {
        String recordType = type(type, uri).id();
        Attachment file = attachments.get(recordType, attachmentId);
        byte[] content = attachments.content(recordType, attachmentId);
        return Response.ok(content, file.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION, attachmentDisposition(file.fileName()))
                .build();
    }

    /**
     * @param fileName a stored file's name (no folder; any characters)
     * @return a {@code Content-Disposition} value naming the file as RFC 6266 says: {@code filename} in quoted
     *     ASCII for old clients, {@code filename*} in UTF-8 (RFC 8187) for the others
     */
    static String attachmentDisposition(String fileName) {
        StringBuilder ascii = new StringBuilder();
        fileName.codePoints().forEach(c -> ascii.append(c < 0x20 || c > 0x7e ? "_"
                : c == '"' || c == '\\' ? "\\" + (char) c : String.valueOf((char) c)));
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /**
     * @param type the record type id of the record the file is on
     * @param attachmentId an attachment id
     * @param uri the address, without query parameters
     * @return 204
     */
    @DELETE
    @Produces({ MediaType.APPLICATION_JSON, org.tesseracrm.kernel.rest.internal.ProblemMapper.PROBLEM_JSON }) // answers 204 or a problem
    @Path(TYPE + "/attachments/{attachmentId: [0-9]+}")
    public Response deleteAttachment(@PathParam("type") String type, @PathParam("attachmentId") long attachmentId,
            @Context UriInfo uri) {
        attachments.delete(type(type, uri).id(), attachmentId);
        return Response.noContent().build();
    }

    /**
     * @param type a record type id
     * @param id a record id
     * @param uri the address, without query parameters
     * @return its changes, newest first, each saying whether it came through the API
     */
    @GET
    @Path(RECORD + "/history")
    public Data<HistoryView> history(@PathParam("type") String type, @PathParam("id") long id, @Context UriInfo uri) {
        RecordType recordType = type(type, uri);
        records.get(recordType.id(), id).orElseThrow(() -> new NotFoundException(recordType.label(), id));
        return new Data<>(audit.history(recordType.id(), id).stream().map(HistoryView::of).toList());
    }

    /**
     * @param uri the call's address: it must have no query parameters (only a list and a lookup take some)
     * @return the installed type, looked up now
     */
    private RecordType type(String id, UriInfo uri) {
        List<FieldProblem> unknown = uri.getQueryParameters().keySet().stream()
                .map(name -> new FieldProblem(name, "Unknown query parameter: this address takes none.")).toList();
        if (!unknown.isEmpty()) {
            throw new ProblemException(400, "The query was refused.", unknown);
        }
        return type(id);
    }

    /** @return the installed type, looked up now: a module may have come or gone since the last call */
    private RecordType type(String id) {
        return types.find(id).orElseThrow(() -> new NotFoundException("No record type " + id + " is installed."));
    }

    private static Map<String, Object> requireBody(Map<String, Object> body) {
        if (body == null) {
            throw new ProblemException(400, "Send the record as a JSON object.");
        }
        return body;
    }
}
