package org.tesseracrm.leads.internal.service;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.Filter;
import org.tesseracrm.kernel.api.record.FilterOp;
import org.tesseracrm.kernel.api.record.PickListValue;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.RecordRef;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.leads.api.ConversionProposal;
import org.tesseracrm.leads.api.ConversionRequest;
import org.tesseracrm.leads.api.ConversionResult;
import org.tesseracrm.leads.api.FieldMapping;
import org.tesseracrm.leads.api.LeadConversion;
import org.tesseracrm.leads.internal.LeadsModule;

/**
 * Converts and discards leads and keeps the conversion mapping (see {@link LeadConversion}). Every record it
 * creates, links, moves or changes goes through {@link Records} as the caller, so the platform checks the
 * caller's permissions on each type and runs every module's lifecycle participants; the whole conversion is
 * one {@link TransactionScope#required} scope. The lead's own change (status, links) is made with the added
 * permission {@link LeadLifecycle#SERVICE_WRITE}, which tells {@link LeadLifecycle} it comes from here.
 */
@Component(service = LeadConversion.class)
public class LeadConversionImpl implements LeadConversion {
    private static final Logger LOG = LoggerFactory.getLogger(LeadConversionImpl.class);
    private static final int MATCHES = 10;

    private final Records records;
    private final CustomFields fields;
    private final AccessControl access;
    private final CallerContext callers;
    private final TransactionScope scope;
    private final RecordTypes types;
    /** Present when the Opportunities module is installed (and this bundle wired to its API). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile OpportunityContacts opportunityContacts;

    /**
     * @param records the leads and the records they become
     * @param fields the fields and pick-lists of every type
     * @param access the caller's permissions
     * @param callers marks the service's own lead writes, reads metadata with the platform's rights
     * @param scope the transactions
     * @param types the installed record types
     * @param type the lead record type, registered once the module's tables exist
     */
    @Activate
    public LeadConversionImpl(@Reference Records records, @Reference CustomFields fields,
            @Reference AccessControl access, @Reference CallerContext callers, @Reference TransactionScope scope,
            @Reference RecordTypes types,
            @Reference(target = "(" + RecordType.ID + "=" + LeadRecordType.ID + ")") RecordType type) {
        this.records = records;
        this.fields = fields;
        this.access = access;
        this.callers = callers;
        this.scope = scope;
        this.types = types;
    }

    @Override
    public ConversionProposal propose(long leadId) {
        access.require(CONVERT);
        RecordRow lead = openLead(leadId);
        List<RecordRef> companies = List.of();
        List<RecordRef> contacts = List.of();
        String company = lead.text(LeadRecordType.COMPANY_NAME);
        if (types.find(ConversionMapping.COMPANY).isPresent() && !company.isEmpty()) {
            RecordValues.Builder values = RecordValues.builder().set("name", company);
            if (!lead.text(LeadRecordType.WEBSITE).isEmpty()) {
                values.set("website", lead.text(LeadRecordType.WEBSITE));
            }
            companies = visible(() -> records.duplicates(ConversionMapping.COMPANY, values.build(), 0));
        }
        Optional<RecordType> contactType = types.find(ConversionMapping.CONTACT);
        if (contactType.isPresent()) {
            contacts = visible(() -> contactMatches(contactType.get(), lead));
        }
        return new ConversionProposal(lead, companies, contacts, ConversionMapping.opportunityName(lead));
    }

    /** Contacts with the lead's e-mail, then with its first and last name. */
    private List<RecordRef> contactMatches(RecordType contact, RecordRow lead) {
        Map<Long, RecordRef> found = new LinkedHashMap<>();
        String email = lead.text(LeadRecordType.EMAIL);
        if (!email.isEmpty()) {
            records.duplicates(contact.id(), RecordValues.builder().set("email", email).build(), 0)
                    .forEach(r -> found.putIfAbsent(r.id(), r));
        }
        List<Filter> name = new ArrayList<>();
        name.add(Filter.of("lastName", FilterOp.EQUALS, lead.text(LeadRecordType.LAST_NAME)));
        if (!lead.text(LeadRecordType.FIRST_NAME).isEmpty()) {
            name.add(Filter.of("firstName", FilterOp.EQUALS, lead.text(LeadRecordType.FIRST_NAME)));
        }
        for (RecordRow row : records.page(contact.id(), RecordQuery.page(0, MATCHES).withFilters(name))) {
            found.putIfAbsent(row.id(), new RecordRef(contact.id(), row.id(), contact.title(row)));
        }
        return found.values().stream().limit(MATCHES).toList();
    }

    private static List<RecordRef> visible(java.util.function.Supplier<List<RecordRef>> find) {
        try {
            return find.get();
        } catch (PermissionDeniedException e) {
            return List.of(); // the caller may not view that type: nothing to offer
        }
    }

    @Override
    public ConversionResult convert(ConversionRequest request) {
        access.require(CONVERT);
        if (request.company().action() == ConversionRequest.Action.SKIP
                && request.contact().action() == ConversionRequest.Action.SKIP && request.opportunity().isEmpty()) {
            throw new ValidationException(List.of(new FieldError("company",
                    "Choose what the lead becomes: a company, a contact or an opportunity")));
        }
        requireInstalled(ConversionMapping.COMPANY, request.company().action() != ConversionRequest.Action.SKIP,
                "Companies");
        requireInstalled(ConversionMapping.CONTACT, request.contact().action() != ConversionRequest.Action.SKIP,
                "Contacts");
        requireInstalled(ConversionMapping.OPPORTUNITY, request.opportunity().isPresent(), "Opportunities");
        return scope.required(c -> {
            RecordRow lead = openLead(request.leadId());
            if (lead.version() != request.version()) {
                throw new org.tesseracrm.kernel.api.ConflictException("The lead was changed by someone else since you "
                        + "opened it; reload it and convert again");
            }
            Mapper mapper = new Mapper(lead);
            Optional<RecordRef> company = target(ConversionMapping.COMPANY, request.company(), () -> mapper.values(
                    ConversionMapping.COMPANY, Map.of()));
            Map<String, Object> contactLinks = new LinkedHashMap<>();
            company.ifPresent(r -> contactLinks.put("company", r.id()));
            Optional<RecordRef> contact = target(ConversionMapping.CONTACT, request.contact(),
                    () -> mapper.values(ConversionMapping.CONTACT, contactLinks));
            Optional<RecordRef> opportunity = Optional.empty();
            if (request.opportunity().isPresent()) {
                Map<String, Object> fixed = new LinkedHashMap<>();
                fixed.put("name", ConversionMapping.opportunityName(lead));
                company.ifPresent(r -> fixed.put("company", r.id()));
                RecordValues.Builder values = mapper.values(ConversionMapping.OPPORTUNITY, fixed);
                RecordValues given = request.opportunity().get();
                given.typed().forEach((field, value) -> values.setValue(field, value.orElse(null)));
                given.texts().forEach(values::text);
                opportunity = Optional.of(create(ConversionMapping.OPPORTUNITY, values.build()));
                OpportunityContacts roles = opportunityContacts;
                if (contact.isPresent() && roles != null) {
                    roles.link(opportunity.get().id(), contact.get().id());
                }
            }
            Optional<RecordRef> opp = opportunity;
            RecordRef to = contact.or(() -> company).or(() -> opp).orElseThrow();
            // The record the history moves to was made by this conversion (the caller may create it), or was linked
            // by the caller, who must then be allowed to edit it.
            boolean made = to.recordType().equals(ConversionMapping.OPPORTUNITY)
                    || (to.recordType().equals(ConversionMapping.CONTACT) ? request.contact() : request.company())
                            .action() == ConversionRequest.Action.CREATE;
            Set<String> moving = made ? Set.of(LeadsModule.EDIT, types.require(to.recordType()).moduleId() + ".edit")
                    : Set.of(LeadsModule.EDIT);
            callers.callWithPermissions(moving, () -> records.moveRelated(LeadRecordType.ID, lead.id(), to));
            RecordRow current = records.get(LeadRecordType.ID, lead.id()).orElseThrow();
            RecordValues.Builder mark = RecordValues.builder()
                    .set(LeadRecordType.STATUS, LeadRecordType.CONVERTED)
                    .set(LeadRecordType.CONVERTED_AT, LocalDateTime.now(ZoneOffset.UTC));
            company.ifPresent(r -> mark.set(LeadRecordType.CONVERTED_COMPANY, r.id()));
            contact.ifPresent(r -> mark.set(LeadRecordType.CONVERTED_CONTACT, r.id()));
            opp.ifPresent(r -> mark.set(LeadRecordType.CONVERTED_OPPORTUNITY, r.id()));
            RecordRow converted = serviceWrite(() -> records.update(LeadRecordType.ID, lead.id(), current.version(),
                    mark.build()));
            LOG.info("Lead {} converted: company {}, contact {}, opportunity {}", lead.id(), ids(company), ids(contact),
                    ids(opp));
            return new ConversionResult(converted, company, contact, opp);
        });
    }

    private static String ids(Optional<RecordRef> ref) {
        return ref.map(r -> Long.toString(r.id())).orElse("-");
    }

    private void requireInstalled(String type, boolean wanted, String module) {
        if (wanted && types.find(type).isEmpty()) {
            throw new ValidationException(List.of(new FieldError(type, "The " + module
                    + " module is not installed: convert the lead without a" + ("Opportunities".equals(module)
                            ? "n " : " ") + type)));
        }
    }

    /** Creates, links or skips one record the lead becomes. */
    private Optional<RecordRef> target(String type, ConversionRequest.Target target,
            java.util.function.Supplier<RecordValues.Builder> values) {
        return switch (target.action()) {
            case SKIP -> Optional.empty();
            case LINK -> {
                RecordType recordType = types.require(type);
                RecordRow row = records.get(type, target.existingId())
                        .orElseThrow(() -> new NotFoundException(recordType.label(), target.existingId()));
                yield Optional.of(new RecordRef(type, row.id(), recordType.title(row)));
            }
            case CREATE -> Optional.of(create(type, values.get().build()));
        };
    }

    /** Creates a record as the caller; its field errors are named after the type ({@code contact.email}). */
    private RecordRef create(String type, RecordValues values) {
        RecordRow row;
        try {
            row = records.create(type, values);
        } catch (ValidationException e) {
            throw new ValidationException(e.errors().stream()
                    .map(err -> new FieldError(type + "." + err.field(), err.message())).toList());
        }
        return new RecordRef(type, row.id(), types.require(type).title(row));
    }

    /** What new records get from one lead: mapped values, owned by the lead's owner when the caller may assign. */
    private final class Mapper {
        private final RecordRow lead;
        private final List<FieldDefinition> leadFields;
        private final List<FieldMapping> mappings;
        private final String owner;

        Mapper(RecordRow lead) {
            this.lead = lead;
            this.leadFields = system(() -> fields.fields(LeadRecordType.ID));
            this.mappings = allMappings();
            String leadOwner = lead.text("owner");
            this.owner = !leadOwner.isEmpty() && mayAssign(leadOwner) ? leadOwner : "";
        }

        RecordValues.Builder values(String type, Map<String, Object> fixed) {
            List<FieldDefinition> targetFields = system(() -> fields.fields(type));
            Map<String, Object> mapped = ConversionMapping.values(type, lead, leadFields, targetFields, mappings,
                    field -> system(() -> fields.pickList(type, field)).stream().filter(PickListValue::active)
                            .map(PickListValue::value).collect(Collectors.toSet()));
            RecordValues.Builder values = RecordValues.builder();
            mapped.forEach(values::setValue);
            fixed.forEach(values::setValue);
            if (!owner.isEmpty()) {
                values.set("owner", owner);
            }
            return values;
        }
    }

    /** @return whether the caller may give records to this user (the system may give them to anyone) */
    private boolean mayAssign(String username) {
        try {
            access.checkAssignable(username);
            return true;
        } catch (PermissionDeniedException e) {
            return false;
        }
    }

    @Override
    public RecordRow discard(long leadId, long version, String reason) {
        access.require(DISCARD);
        String chosen = reason == null ? "" : reason.strip();
        if (chosen.isEmpty()) {
            throw new ValidationException(List.of(new FieldError(LeadRecordType.DISCARD_REASON,
                    "Choose why the lead is discarded")));
        }
        Set<String> reasons = system(() -> fields.pickList(LeadRecordType.ID, LeadRecordType.DISCARD_REASON)).stream()
                .filter(PickListValue::active).map(PickListValue::value).collect(Collectors.toSet());
        if (!reasons.contains(chosen)) {
            throw new ValidationException(List.of(new FieldError(LeadRecordType.DISCARD_REASON,
                    "'" + chosen + "' is not one of the discard reasons")));
        }
        return scope.required(c -> {
            RecordRow lead = records.get(LeadRecordType.ID, leadId)
                    .orElseThrow(() -> new NotFoundException("Lead", leadId));
            LeadLifecycle.readOnlyErrors(lead).stream().findFirst().ifPresent(e -> {
                throw new ValidationException(List.of(e));
            });
            RecordRow discarded = serviceWrite(() -> records.update(LeadRecordType.ID, leadId, version,
                    RecordValues.builder().set(LeadRecordType.STATUS, LeadRecordType.DISCARDED)
                            .set(LeadRecordType.DISCARD_REASON, chosen).build()));
            LOG.info("Lead {} discarded: {}", leadId, chosen);
            return discarded;
        });
    }

    @Override
    public List<FieldMapping> mappings() {
        access.require(LeadsModule.VIEW);
        return allMappings();
    }

    private List<FieldMapping> allMappings() {
        List<FieldMapping> all = new ArrayList<>(ConversionMapping.BUILT_IN);
        all.addAll(scope.required(MappingStore::custom));
        return all;
    }

    @Override
    public void map(FieldMapping mapping) {
        access.require(CONFIGURE);
        List<FieldDefinition> leadFields = system(() -> fields.fields(LeadRecordType.ID));
        List<FieldDefinition> targetFields = ConversionMapping.TARGETS.contains(mapping.targetType())
                && types.find(mapping.targetType()).isPresent() ? system(() -> fields.fields(mapping.targetType()))
                        : List.of();
        scope.required(c -> {
            List<FieldError> errors = ConversionMapping.check(mapping, leadFields, targetFields, allMappings());
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            MappingStore.put(c, new FieldMapping(mapping.leadField(), mapping.targetType(), mapping.targetField(),
                    false));
            LOG.info("Lead field {} mapped to {}.{}", mapping.leadField(), mapping.targetType(), mapping.targetField());
            return null;
        });
    }

    @Override
    public void unmap(String leadField, String targetType) {
        access.require(CONFIGURE);
        if (ConversionMapping.BUILT_IN.stream()
                .anyMatch(m -> m.leadField().equals(leadField) && m.targetType().equals(targetType))) {
            throw new ValidationException(List.of(new FieldError("leadField", leadField + " is mapped to "
                    + targetType + " by the module; that mapping cannot be removed")));
        }
        boolean removed = scope.required(c -> MappingStore.delete(c, leadField, targetType));
        if (!removed) {
            throw new NotFoundException("No mapping of the lead field " + leadField + " to " + targetType);
        }
        LOG.info("Lead field {} no longer mapped to {}", leadField, targetType);
    }

    /** The lead, if the caller sees it and it is still open to conversion. */
    private RecordRow openLead(long leadId) {
        RecordRow lead = records.get(LeadRecordType.ID, leadId)
                .orElseThrow(() -> new NotFoundException("Lead", leadId));
        String status = lead.text(LeadRecordType.STATUS);
        if (LeadRecordType.CONVERTED.equals(status) || LeadRecordType.DISCARDED.equals(status)) {
            throw new ValidationException(List.of(new FieldError(LeadRecordType.STATUS, "This lead is "
                    + status.toLowerCase(java.util.Locale.ROOT) + " already")));
        }
        return lead;
    }

    /** Runs the lead's own change as the caller, marked as the service's and with {@code leads.edit} added. */
    private <T> T serviceWrite(java.util.function.Supplier<T> work) {
        return callers.callWithPermissions(Set.of(LeadsModule.EDIT, LeadLifecycle.SERVICE_WRITE), work);
    }

    /** Reads metadata (fields, pick-lists) with the platform's rights: the operation's permission is checked. */
    private <T> T system(java.util.function.Supplier<T> work) {
        return callers.callAs(Caller.SYSTEM, work);
    }
}
