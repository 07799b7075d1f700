package org.tesseracrm.email.internal.rest;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.email.api.MailTemplates;
import org.tesseracrm.kernel.api.security.AccessControl;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /api/v1/email/merge-fields?type=contact}: the merge fields a template of a record type may use, as inserted. */
@Component(service = TemplatesMergeFieldsResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.email.merge-fields",
        "osgi.jakartars.extension.select=" + TemplatesResource.JSON})
@Path("v1/email/merge-fields")
@Produces(MediaType.APPLICATION_JSON)
public class TemplatesMergeFieldsResource {
    private final MailTemplates templates;
    private final AccessControl access;

    /**
     * @param templates lists the fields and checks the permissions
     * @param access checks a token limited to record types covers the type asked for
     */
    @Activate
    public TemplatesMergeFieldsResource(@Reference MailTemplates templates, @Reference AccessControl access) {
        this.templates = templates;
        this.access = access;
    }

    /** @return e.g. {@code ["$[Contacts.First Name]", ..., "$[User.Signature]"]}; without a type the user's only */
    @GET
    public List<String> mergeFields(@QueryParam("type") String type) {
        if (type != null && !type.isBlank()) {
            access.requireRecordType(type);
        }
        return templates.mergeFields(type);
    }
}
