package org.tesseracrm.opportunities.internal.service;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.PermissionDeniedException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.record.RecordValues;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.opportunities.api.OpportunityContact;
import org.tesseracrm.opportunities.api.OpportunityPhases;
import org.tesseracrm.opportunities.api.Phase;
import org.tesseracrm.opportunities.api.PhaseChange;
import org.tesseracrm.opportunities.api.PhaseKind;
import org.tesseracrm.opportunities.internal.OpportunitiesModule;

/** The phases, moves, history and contact roles of opportunities (see {@link OpportunityPhases}). */
@Component(service = OpportunityPhases.class)
public class OpportunityPhasesImpl implements OpportunityPhases {
    private static final Logger LOG = LoggerFactory.getLogger(OpportunityPhasesImpl.class);
    private static final int ROLE_MAX = 100;

    private final Records records;
    private final CustomFields fields;
    private final AccessControl access;
    private final CallerContext callers;
    private final TransactionScope scope;
    private final RecordTypes types;
    private final RecordTypes.Listener listener = new RecordTypes.Listener() {
        @Override
        public void added(RecordType type) {
            if (type.id().equals(OpportunityRecordType.ID)) {
                upkeep();
            }
        }
    };

    /**
     * Brings the phase pick-list in step with the phases and gives the currency and lead source pick-lists
     * their first values on first install.
     *
     * @param records the opportunities and contacts
     * @param fields the pick-lists the module keeps
     * @param access the caller's permissions
     * @param callers runs the pick-list upkeep with the platform's rights and moves with the edit permission
     * @param scope the transactions
     * @param types the installed record types: the pick-lists are kept once the platform has the opportunity type
     * @param type the opportunity record type, registered once the module's tables exist
     */
    @Activate
    public OpportunityPhasesImpl(@Reference Records records, @Reference CustomFields fields,
            @Reference AccessControl access, @Reference CallerContext callers, @Reference TransactionScope scope,
            @Reference RecordTypes types,
            @Reference(target = "(" + RecordType.ID + "=" + OpportunityRecordType.ID + ")") RecordType type) {
        this.records = records;
        this.fields = fields;
        this.access = access;
        this.callers = callers;
        this.scope = scope;
        this.types = types;
        // The platform may learn of the record type after this component starts: keep the pick-lists then
        types.addListener(listener);
        if (types.find(OpportunityRecordType.ID).isPresent()) {
            upkeep();
        }
    }

    /** Stops following the record types. */
    @Deactivate
    void stop() {
        types.removeListener(listener);
    }

    private void upkeep() {
        try {
            callers.callAs(Caller.SYSTEM, () -> scope.required(c -> {
                PhaseSync.sync(fields, PhaseStore.phases(c));
                return null;
            }));
        } catch (CrmException e) {
            LOG.error("The opportunity pick-lists could not be brought in step with the phases", e);
        }
    }

    @Override
    public List<Phase> phases() {
        access.require(OpportunitiesModule.VIEW);
        return scope.required(PhaseStore::phases);
    }

    @Override
    public Phase add(String name, int probability, PhaseKind kind) {
        access.require(CONFIGURE);
        return scope.required(c -> {
            List<Phase> phases = PhaseStore.phases(c);
            refuse(PhaseRules.check(name, probability, phases));
            int position = phases.stream().mapToInt(Phase::position).max().orElse(-1) + 1;
            Phase added = PhaseStore.insert(c, name.strip(), position, probability, kind);
            phases.add(added);
            PhaseSync.sync(fields, phases);
            LOG.info("Opportunity phase {} added ({} %, {})", added.name(), probability, kind);
            return added;
        });
    }

    @Override
    public Phase change(long id, String name, int probability, PhaseKind kind, boolean active) {
        access.require(CONFIGURE);
        return scope.required(c -> {
            List<Phase> phases = PhaseStore.phases(c);
            Phase old = find(phases, id);
            List<Phase> others = phases.stream().filter(p -> p.id() != id).toList();
            List<FieldError> errors = new ArrayList<>(PhaseRules.check(name, probability, others));
            boolean openLeft = others.stream().anyMatch(p -> p.active() && p.kind() == PhaseKind.OPEN)
                    || active && kind == PhaseKind.OPEN;
            if (!openLeft) {
                errors.add(new FieldError("active", "Keep at least one active open phase: new opportunities start in it"));
            }
            refuse(errors);
            Phase changed = new Phase(id, name.strip(), old.position(), probability, kind, active);
            if (!changed.name().equals(old.name())) {
                PhaseStore.rename(c, old.name(), changed.name());
            }
            PhaseStore.write(c, changed);
            if (changed.probability() != old.probability()) {
                int recomputed = PhaseStore.recompute(c, changed.name(), changed.probability());
                LOG.info("Opportunity phase {}: probability {} % -> {} %, {} expected amounts recomputed",
                        changed.name(), old.probability(), changed.probability(), recomputed);
            }
            PhaseSync.sync(fields, PhaseStore.phases(c));
            return changed;
        });
    }

    @Override
    public void reorder(List<Long> ids) {
        access.require(CONFIGURE);
        scope.required(c -> {
            List<Phase> phases = PhaseStore.phases(c);
            Set<Long> known = new HashSet<>();
            phases.forEach(p -> known.add(p.id()));
            if (ids.size() != phases.size() || !known.equals(new HashSet<>(ids))) {
                refuse(List.of(new FieldError("order", "Give every phase exactly once")));
            }
            List<Phase> ordered = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Phase p = find(phases, ids.get(i));
                Phase moved = new Phase(p.id(), p.name(), i, p.probability(), p.kind(), p.active());
                PhaseStore.write(c, moved);
                ordered.add(moved);
            }
            PhaseSync.sync(fields, ordered);
            return null;
        });
    }

    @Override
    public void delete(long id) {
        access.require(CONFIGURE);
        scope.required(c -> {
            List<Phase> phases = PhaseStore.phases(c);
            Phase phase = find(phases, id);
            long used = PhaseStore.uses(c, phase.name());
            if (used > 0) {
                refuse(List.of(new FieldError("phase", "\"" + phase.name() + "\" holds " + used
                        + " opportunities: deactivate it instead of deleting it")));
            }
            if (phases.stream().noneMatch(p -> p.id() != id && p.active() && p.kind() == PhaseKind.OPEN)) {
                refuse(List.of(new FieldError("phase", "Keep at least one active open phase")));
            }
            PhaseStore.delete(c, id);
            PhaseSync.sync(fields, PhaseStore.phases(c));
            return null;
        });
    }

    @Override
    public RecordRow move(long opportunityId, long version, String phase, String lostReason) {
        if (!access.permitted(OpportunitiesModule.EDIT) && !access.permitted(MOVE_PHASE)) {
            throw new PermissionDeniedException("You may not move opportunities to another phase.");
        }
        visible(opportunityId);
        RecordValues.Builder values = RecordValues.builder().set(OpportunityRecordType.PHASE, phase);
        if (lostReason != null && !lostReason.isBlank()) {
            values.set(OpportunityRecordType.LOST_REASON, lostReason);
        }
        RecordValues change = values.build();
        // move-phase is enough here, where only the phase and the lost reason change: the platform, which asks for
        // edit, gets it for this one update, still as the user (their visibility; the audit and history name them)
        return callers.callWithPermissions(Set.of(OpportunitiesModule.EDIT),
                () -> records.update(OpportunityRecordType.ID, opportunityId, version, change));
    }

    @Override
    public List<PhaseChange> history(long opportunityId) {
        visible(opportunityId);
        List<PhaseChange> entries = scope.required(c -> PhaseStore.history(c, opportunityId));
        return PhaseRules.withTimeSpent(entries, LocalDateTime.now(ZoneOffset.UTC));
    }

    @Override
    public List<OpportunityContact> contacts(long opportunityId) {
        visible(opportunityId);
        return scope.required(c -> PhaseStore.contacts(c, "OPPORTUNITY_ID", opportunityId));
    }

    @Override
    public List<OpportunityContact> opportunitiesOf(long contactId) {
        access.require(OpportunitiesModule.VIEW);
        List<OpportunityContact> links = scope.required(c -> PhaseStore.contacts(c, "CONTACT_ID", contactId));
        Set<Long> seen = new HashSet<>();
        records.get(OpportunityRecordType.ID, links.stream().map(OpportunityContact::opportunityId).toList())
                .forEach(row -> seen.add(row.id()));
        return links.stream().filter(l -> seen.contains(l.opportunityId())).toList();
    }

    @Override
    public void putContact(long opportunityId, long contactId, String role) {
        access.require(OpportunitiesModule.EDIT);
        visible(opportunityId);
        if (records.get(ContactRolesLifecycle.CONTACT, contactId).isEmpty()) {
            throw new NotFoundException("Contact", contactId);
        }
        String text = role == null ? "" : role.strip();
        if (text.length() > ROLE_MAX) {
            refuse(List.of(new FieldError("role", "A role has at most " + ROLE_MAX + " characters")));
        }
        scope.required(c -> {
            PhaseStore.putContact(c, opportunityId, contactId, text);
            return null;
        });
    }

    @Override
    public void removeContact(long opportunityId, long contactId) {
        access.require(OpportunitiesModule.EDIT);
        visible(opportunityId);
        scope.required(c -> {
            PhaseStore.removeContact(c, opportunityId, contactId);
            return null;
        });
    }

    /** @throws NotFoundException unless the caller sees the opportunity (which needs its view permission) */
    private void visible(long opportunityId) {
        if (records.get(OpportunityRecordType.ID, opportunityId).isEmpty()) {
            throw new NotFoundException("Opportunity", opportunityId);
        }
    }

    private static Phase find(List<Phase> phases, long id) {
        return phases.stream().filter(p -> p.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("Phase", id));
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
