package org.tesseracrm.automation.internal.blueprint;

import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.tesseracrm.automation.api.Blueprint;
import org.tesseracrm.automation.api.Blueprints;
import org.tesseracrm.automation.api.Transition;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.TriggerEvent;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.FieldDefinition;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.SecurityAdmin;

/**
 * Blueprints in the record platform's change whoever makes it (form, board's drag-and-drop, import, bulk edit, REST
 * API): a change of an active blueprint's field must be one of its transitions, made by someone it names, with its
 * required fields filled in; otherwise the change is refused with a field error. After a move commits, the trigger
 * {@value Blueprints#TRIGGER} is posted (details {@code blueprint}, {@code transition}, {@code from}, {@code to}),
 * so rules on it run the transition's actions. Types without an active blueprint cost nothing (kept in memory).
 */
@Component(property = RecordType.ID + "=" + RecordType.ALL)
public class BlueprintGuard implements RecordLifecycle {
    private final CustomFields fields;
    private final SecurityAdmin security;
    private final CallerContext callers;
    private final TransactionScope scope;
    private volatile EventAdmin events;

    /**
     * @param fields a type's fields, for labels in messages
     * @param security the actor's role and groups
     * @param callers reads them as the platform
     * @param scope posts the trigger after commit
     * @param schema the module's tables
     */
    @Activate
    public BlueprintGuard(@Reference CustomFields fields, @Reference SecurityAdmin security,
            @Reference CallerContext callers, @Reference TransactionScope scope,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.automation)") MigratedSchema schema) {
        this.fields = fields;
        this.security = security;
        this.callers = callers;
        this.scope = scope;
    }

    /** @param events posts the trigger events; without it moves start no rules */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEvents(EventAdmin events) {
        this.events = events;
    }

    void unsetEvents(EventAdmin events) {
        if (this.events == events) {
            this.events = null;
        }
    }

    @Override
    public void afterUpdate(Change change) throws SQLException {
        List<Blueprint> concerned = BlueprintStore.active(change.connection(), change.recordType()).stream()
                .filter(b -> change.fields().contains(b.field())).toList();
        if (concerned.isEmpty()) {
            return;
        }
        RecordRow before = change.before().orElseThrow();
        RecordRow after = change.after().orElseThrow();
        for (Blueprint blueprint : concerned) {
            String from = before.text(blueprint.field());
            String to = after.text(blueprint.field());
            if (from.equals(to)) {
                continue;
            }
            BlueprintRules.Actor actor = Actors.of(change.actor(), security, callers);
            List<FieldError> errors = BlueprintRules.refusal(blueprint, from, after, actor, labels(change));
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            Optional<Transition> made = BlueprintRules.transition(blueprint, from, to);
            TriggerEvent event = new TriggerEvent(Blueprints.TRIGGER, change.recordType(), change.id(), change.actor(),
                    Instant.now(), Map.of("blueprint", blueprint.name(), "transition",
                            made.map(Transition::name).orElse(""), "from", from, "to", to));
            scope.afterCommit(() -> post(event));
        }
    }

    private void post(TriggerEvent event) {
        EventAdmin admin = events;
        if (admin != null) {
            admin.postEvent(new Event(TriggerEvent.topic(event.trigger()), event.properties()));
        }
    }

    private Map<String, String> labels(Change change) {
        Map<String, String> labels = new HashMap<>();
        for (FieldDefinition field : callers.callAs(Caller.SYSTEM, () -> fields.fields(change.recordType()))) {
            labels.put(field.name(), field.label());
        }
        return labels;
    }
}
