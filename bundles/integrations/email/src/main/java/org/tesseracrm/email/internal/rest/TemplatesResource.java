package org.tesseracrm.email.internal.rest;

import java.net.URI;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.email.api.MailAttachment;
import org.tesseracrm.email.api.MailTemplate;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.email.api.RenderedMail;
import org.tesseracrm.email.api.TemplateAttachment;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.security.AccessControl;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
 * {@code /api/v1/email/templates}: templates with merge fields, their files and a preview merged with a record, through
 * {@link MailTemplates}, which checks {@code email.send} (one's own templates) and {@code email.templates} (shared ones)
 * for the token's user. A whiteboard resource like the webhooks' (properties written out so the module installs without
 * the REST API).
 */
@Component(service = TemplatesResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.email.templates", "osgi.jakartars.extension.select=" + TemplatesResource.JSON})
@Path("v1/email/templates")
@Produces(MediaType.APPLICATION_JSON)
public class TemplatesResource {
    /** The REST runtime's JSON provider. */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";

    private final MailTemplates templates;
    private final AccessControl access;

    /**
     * @param templates does the work and checks the permissions
     * @param access checks a token limited to record types covers the type asked for
     */
    @Activate
    public TemplatesResource(@Reference MailTemplates templates, @Reference AccessControl access) {
        this.templates = templates;
        this.access = access;
    }

    /** @return the templates the caller may use, of a record type (and the shared ones) or all */
    @GET
    public List<TemplateView> list(@QueryParam("type") String type) {
        if (type != null && !type.isBlank()) {
            access.requireRecordType(type);
        }
        return templates.list(type).stream().map(TemplateView::of).toList();
    }

    /** @return 201 with the new template */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(TemplateRequest request) {
        MailTemplate saved = templates.save(required(request).template(0, 0));
        return Response.created(URI.create("v1/email/templates/" + saved.id())).entity(TemplateView.of(saved)).build();
    }

    /** @return one template with its files */
    @GET
    @Path("{id}")
    public TemplateView get(@PathParam("id") long id) {
        return TemplateView.of(templates.get(id));
    }

    /** @return the template with its new content (omitted members keep theirs; {@code version} as read) */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public TemplateView update(@PathParam("id") long id, TemplateRequest request) {
        MailTemplate before = templates.get(id);
        return TemplateView.of(templates.save(required(request).over(before)));
    }

    /** @return 204 once the template and its files are deleted */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        templates.delete(id);
        return Response.noContent().build();
    }

    /** @return the template merged with a record the caller sees: subject, HTML, text, unknown fields, file names */
    @GET
    @Path("{id}/render")
    public RenderedView render(@PathParam("id") long id, @QueryParam("type") String type, @QueryParam("id") Long recordId) {
        if (type == null || type.isBlank() || recordId == null) {
            templates.mergeFields(""); // the caller's permission first, then the request's shape
            throw new ValidationException(List.of(new FieldError("type", "Name the record to merge: ?type=contact&id=12")));
        }
        access.requireRecordType(type);
        return RenderedView.of(templates.render(id, type, recordId));
    }

    /** @return 201 with the file added to the template */
    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response attach(@PathParam("id") long id, FileRequest request) {
        if (request == null || request.name() == null || request.content() == null) {
            templates.mergeFields(""); // the caller's permission first, then the request's shape
            throw new ValidationException(List.of(new FieldError("content", "Send the file's name and its content "
                    + "(base64).")));
        }
        TemplateAttachment file = templates.attach(id, new MailAttachment(request.name(),
                request.contentType() == null ? "" : request.contentType(), request.content()));
        return Response.created(URI.create("v1/email/templates/" + id + "/attachments/" + file.id())).entity(file).build();
    }

    /** @return 204 once the file is removed */
    @DELETE
    @Path("{id}/attachments/{fileId}")
    public Response detach(@PathParam("id") long id, @PathParam("fileId") long fileId) {
        templates.detach(id, fileId);
        return Response.noContent().build();
    }

    private TemplateRequest required(TemplateRequest request) {
        if (request == null) {
            templates.mergeFields(""); // the caller's permission first, then the request's shape
            throw new ValidationException(List.of(new FieldError("body", "Send the template as JSON.")));
        }
        return request;
    }

    /**
     * A template as the API takes it; on PUT an omitted member keeps its value.
     *
     * @param name unique name
     * @param recordType the record type whose fields it merges, blank for user fields only
     * @param subject subject with merge fields
     * @param html HTML body with merge fields (sanitised when saved)
     * @param text plain-text body, blank to derive it from the HTML
     * @param shared true (default) for a template every user may use (needs {@code email.templates}), false for
     *     the caller's own
     * @param version the version read, on PUT (a stale one is refused with 409)
     */
    public record TemplateRequest(String name, String recordType, String subject, String html, String text, Boolean shared,
            Long version) {
        MailTemplate template(long id, long defaultVersion) {
            return new MailTemplate(id, name, recordType == null ? "" : recordType, subject, html, text,
                    shared == null || shared ? null : "me", version == null ? defaultVersion : version);
        }

        MailTemplate over(MailTemplate before) {
            return new MailTemplate(before.id(), name != null ? name : before.name(),
                    recordType != null ? recordType : before.recordType(), subject != null ? subject : before.subject(),
                    html != null ? html : before.html(), text != null ? text : before.text(),
                    shared == null ? before.owner() : shared ? null : "me", version != null ? version : before.version());
        }
    }

    /**
     * A template as the API shows it.
     *
     * @param id its id
     * @param name its name
     * @param recordType its record type, "" for none
     * @param subject its subject
     * @param html its HTML body (sanitised)
     * @param text its plain-text body, "" when derived from the HTML
     * @param owner the user who keeps it, absent for a shared template
     * @param shared whether every user may use it
     * @param version its version, to send back on PUT
     * @param attachments its files (without their bytes)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TemplateView(long id, String name, String recordType, String subject, String html, String text, String owner,
            boolean shared, long version, List<TemplateAttachment> attachments) {
        static TemplateView of(MailTemplate t) {
            return new TemplateView(t.id(), t.name(), t.recordType(), t.subject(), t.html(), t.text(), t.owner(),
                    t.owner() == null, t.version(), t.attachments());
        }
    }

    /**
     * A file to add to a template.
     *
     * @param name its file name; its extension decides its type
     * @param contentType its MIME type (informative: the extension and the bytes decide)
     * @param content its bytes, base64 in JSON
     */
    public record FileRequest(String name, String contentType, byte[] content) {
    }

    /**
     * A template merged with a record.
     *
     * @param subject the merged subject
     * @param html the merged HTML (merged values escaped)
     * @param text the merged plain text
     * @param unknownFields merge fields that name nothing
     * @param attachments the names of the template's files
     */
    public record RenderedView(String subject, String html, String text, List<String> unknownFields, List<String> attachments) {
        static RenderedView of(RenderedMail mail) {
            return new RenderedView(mail.subject(), mail.html(), mail.text(), mail.unknownFields(),
                    mail.attachments().stream().map(MailAttachment::name).toList());
        }
    }
}
