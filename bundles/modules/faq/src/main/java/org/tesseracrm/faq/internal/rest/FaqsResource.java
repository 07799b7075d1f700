package org.tesseracrm.faq.internal.rest;

import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.faq.api.FaqFields;
import org.tesseracrm.faq.api.FaqSuggestion;
import org.tesseracrm.faq.api.Faqs;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordJson;
import org.tesseracrm.kernel.api.record.RecordRow;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/faqs/...}: the published FAQs matching a text or a case, the FAQs attached to a case, attaching and
 * detaching, publishing, through {@link Faqs}, which checks the permissions and the records' visibility for the
 * token's user. The FAQs' fields are read and written through {@code /api/v1/records/faq} (the answer is cleaned on
 * every write). Errors are problem+json by the REST runtime's mapper. Its whiteboard properties are written out, so
 * the module installs without crm-rest.
 */
@Component(service = FaqsResource.class, property = {"osgi.jakartars.resource=true",
        "osgi.jakartars.name=tessera.faqs", "osgi.jakartars.extension.select=" + FaqsResource.JSON})
@Path("v1/faqs")
@Produces(MediaType.APPLICATION_JSON)
public class FaqsResource {
    /** The REST runtime's JSON provider (its name is part of the REST runtime's contract with modules). */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";

    private final Faqs faqs;
    private final CustomFields fields;

    /**
     * @param faqs does the work and checks the permissions
     * @param fields the FAQ's fields, for its JSON form
     */
    @Activate
    public FaqsResource(@Reference Faqs faqs, @Reference CustomFields fields) {
        this.faqs = faqs;
        this.fields = fields;
    }

    /**
     * @param text what to match, e.g. a case's subject
     * @param caseId instead of a text, a case: its subject and description, leaving out the FAQs attached to it
     * @param limit the most wanted, 1 to 50
     * @return {@code {"data": [{"id", "question", "category", "timesUsed", "score"}]}}, best first
     */
    @GET
    @Path("suggest")
    public Map<String, Object> suggest(@QueryParam("text") String text, @QueryParam("caseId") Long caseId,
            @QueryParam("limit") @DefaultValue("10") int limit) {
        List<FaqSuggestion> found = caseId != null ? faqs.suggestForCase(caseId, limit)
                : faqs.suggest(text == null ? "" : text, limit);
        return Map.of("data", found);
    }

    /**
     * @param caseId a case
     * @return {@code {"data": [faq...]}}: the FAQs attached to it that the caller sees
     */
    @GET
    @Path("cases/{caseId}")
    public Map<String, Object> attached(@PathParam("caseId") long caseId) {
        return Map.of("data", faqs.attached(caseId).stream().map(this::faq).toList());
    }

    /**
     * @param caseId a case the caller may edit
     * @param faqId a published FAQ
     * @return {@code {"attached": true}} if attached now, false if it already was (it counts once)
     */
    @POST
    @Path("cases/{caseId}/{faqId}")
    public Map<String, Object> attach(@PathParam("caseId") long caseId, @PathParam("faqId") long faqId) {
        return Map.of("attached", faqs.attach(caseId, faqId));
    }

    /**
     * @param caseId a case the caller may edit
     * @param faqId a FAQ
     * @return {@code {"detached": true}} if it was attached
     */
    @DELETE
    @Path("cases/{caseId}/{faqId}")
    public Map<String, Object> detach(@PathParam("caseId") long caseId, @PathParam("faqId") long faqId) {
        return Map.of("detached", faqs.detach(caseId, faqId));
    }

    /**
     * @param id a FAQ
     * @return the FAQ, published
     */
    @POST
    @Path("{id}/publish")
    public Map<String, Object> publish(@PathParam("id") long id) {
        return faq(faqs.publish(id));
    }

    /**
     * @param id a FAQ
     * @return the FAQ, a draft again
     */
    @POST
    @Path("{id}/unpublish")
    public Map<String, Object> unpublish(@PathParam("id") long id) {
        return faq(faqs.unpublish(id));
    }

    private Map<String, Object> faq(RecordRow row) {
        return RecordJson.write(fields.fields(FaqFields.RECORD_TYPE), row, List.of());
    }
}
