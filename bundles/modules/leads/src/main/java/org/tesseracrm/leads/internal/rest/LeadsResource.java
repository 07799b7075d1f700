package org.tesseracrm.leads.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordJson;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.leads.api.ConversionProposal;
import org.tesseracrm.leads.api.ConversionRequest;
import org.tesseracrm.leads.api.ConversionResult;
import org.tesseracrm.leads.api.LeadConversion;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /api/v1/leads/{id}/...}: a lead's conversion proposal, its conversion and its discarding, through
 * {@link LeadConversion}, which checks {@code leads.convert} / {@code leads.discard} and, through the record
 * platform, the permissions of every record type a conversion touches, for the token's user. The leads themselves
 * are read and written through {@code /api/v1/records/lead}. Errors are problem+json by the REST runtime's mapper.
 * Like the webhooks' resource, its whiteboard properties are written out, so the module installs without crm-rest
 * (Jakarta REST and Jackson come with crm-rest-thirdparty, which crm-leads requires).
 */
@Component(service = LeadsResource.class, property = {"osgi.jakartars.resource=true", "osgi.jakartars.name=tessera.leads",
        "osgi.jakartars.extension.select=" + LeadsResource.JSON})
@Path("v1/leads")
@Produces(MediaType.APPLICATION_JSON)
public class LeadsResource {
    /** The REST runtime's JSON provider (its name is part of the REST runtime's contract with modules). */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";

    private final LeadConversion leads;
    private final CustomFields fields;
    private final AccessControl access;

    /**
     * @param leads does the work and checks the permissions
     * @param fields the fields of leads and opportunities, for their JSON form
     * @param access checks the operation's permission before the body is looked at, so a caller without it learns
     *     nothing from the validation of what they sent
     */
    @Activate
    public LeadsResource(@Reference LeadConversion leads, @Reference CustomFields fields,
            @Reference AccessControl access) {
        this.leads = leads;
        this.fields = fields;
        this.access = access;
    }

    /**
     * @param id a lead
     * @return the lead, the companies and contacts it could be linked to, and the name a new opportunity gets
     */
    @GET
    @Path("{id}/conversion-proposal")
    public ProposalView conversionProposal(@PathParam("id") long id) {
        ConversionProposal p = leads.propose(id);
        return new ProposalView(lead(p.lead()), p.companyMatches().stream().map(Ref::of).toList(),
                p.contactMatches().stream().map(Ref::of).toList(), p.opportunityName());
    }

    /**
     * @param id a lead
     * @param body what to create or link
     * @return the converted lead and what it became
     */
    @POST
    @Path("{id}/convert")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConversionView convert(@PathParam("id") long id, ConvertBody body) {
        access.require(LeadConversion.CONVERT);
        ConvertBody b = body == null ? new ConvertBody(null, null, null, null) : body;
        List<FieldError> errors = new ArrayList<>();
        if (b.version() == null) {
            errors.add(new FieldError("version", "Give the version of the lead you read"));
        }
        ConversionRequest.Target company = target("company", b.company(), errors);
        ConversionRequest.Target contact = target("contact", b.contact(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Optional<RecordValues> opportunity = Optional.empty();
        if (b.opportunity() != null) {
            try {
                opportunity = Optional.of(RecordJson.read(fields.fields("opportunity"), b.opportunity(), Set.of()));
            } catch (ValidationException e) {
                throw new ValidationException(e.errors().stream()
                        .map(err -> new FieldError("opportunity." + err.field(), err.message())).toList());
            } catch (org.tesseracrm.kernel.api.NotFoundException e) {
                throw new ValidationException(List.of(new FieldError("opportunity",
                        "The Opportunities module is not installed: convert the lead without an opportunity")));
            }
        }
        ConversionResult r = leads.convert(new ConversionRequest(id, b.version(), company, contact, opportunity));
        return new ConversionView(lead(r.lead()), r.company().map(Ref::of).orElse(null),
                r.contact().map(Ref::of).orElse(null), r.opportunity().map(Ref::of).orElse(null));
    }

    /**
     * @param id a lead
     * @param body its version and the reason
     * @return the lead, discarded
     */
    @POST
    @Path("{id}/discard")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> discard(@PathParam("id") long id, DiscardBody body) {
        access.require(LeadConversion.DISCARD);
        if (body == null || body.version() == null) {
            throw new ValidationException(List.of(new FieldError("version", "Give the version of the lead you read")));
        }
        return lead(leads.discard(id, body.version(), body.reason() == null ? "" : body.reason()));
    }

    private Map<String, Object> lead(RecordRow row) {
        return RecordJson.write(fields.fields(LeadConversion.RECORD_TYPE), row, List.of());
    }

    private static ConversionRequest.Target target(String name, TargetBody body, List<FieldError> errors) {
        if (body == null || body.action() == null || body.action().isBlank()) {
            return ConversionRequest.Target.SKIP;
        }
        ConversionRequest.Action action;
        try {
            action = ConversionRequest.Action.valueOf(body.action().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(name + ".action", "Use create, link or skip"));
            return ConversionRequest.Target.SKIP;
        }
        if (action == ConversionRequest.Action.LINK) {
            if (body.id() == null || body.id() <= 0) {
                errors.add(new FieldError(name + ".id", "Give the id of the " + name + " to link"));
                return ConversionRequest.Target.SKIP;
            }
            return ConversionRequest.Target.link(body.id());
        }
        return action == ConversionRequest.Action.CREATE ? ConversionRequest.Target.CREATE
                : ConversionRequest.Target.SKIP;
    }

    /**
     * A conversion as the API takes it.
     *
     * @param version the lead's version as read (required)
     * @param company what to do about the company; omitted: none
     * @param contact what to do about the contact; omitted: none
     * @param opportunity values of a new opportunity on top of those mapped from the lead (name, amount, closeDate,
     *     phase, ... as in the records API); null or omitted: no opportunity
     */
    public record ConvertBody(Long version, TargetBody company, TargetBody contact, Map<String, Object> opportunity) {
    }

    /**
     * @param action {@code create}, {@code link} or {@code skip}
     * @param id the record to link, for {@code link}
     */
    public record TargetBody(String action, Long id) {
    }

    /**
     * @param version the lead's version as read (required)
     * @param reason a value of the lead's discardReason pick-list
     */
    public record DiscardBody(Long version, String reason) {
    }

    /**
     * A record a lead became or could be linked to.
     *
     * @param id its id
     * @param title its title
     */
    public record Ref(long id, String title) {
        static Ref of(RecordRef ref) {
            return new Ref(ref.id(), ref.title());
        }
    }

    /**
     * @param lead the lead as the records API shows it
     * @param companyMatches companies to link instead of creating one
     * @param contactMatches contacts to link instead of creating one
     * @param opportunityName the name a new opportunity gets unless the request gives one
     */
    public record ProposalView(Map<String, Object> lead, List<Ref> companyMatches, List<Ref> contactMatches,
            String opportunityName) {
    }

    /**
     * @param lead the converted lead as the records API shows it
     * @param company the company created or linked; null for none
     * @param contact the contact created or linked; null for none
     * @param opportunity the opportunity created; null for none
     */
    public record ConversionView(Map<String, Object> lead, Ref company, Ref contact, Ref opportunity) {
    }
}
