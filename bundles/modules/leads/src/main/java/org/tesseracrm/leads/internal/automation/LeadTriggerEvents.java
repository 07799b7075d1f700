package org.tesseracrm.leads.internal.automation;

import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.tesseracrm.kernel.api.automation.TriggerEvent;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.RecordLifecycle;
import org.tesseracrm.kernel.api.record.RecordType;
import org.tesseracrm.leads.internal.service.LeadRecordType;

/**
 * Posts the leads' workflow trigger events once the change commits: "lead received" for every lead created (form,
 * import, REST API), "lead discarded" when a change sets the status to Discarded (only the module's service does).
 * A lifecycle participant, so it sees the values before and after the change whoever makes it; it writes nothing, and
 * without Event Admin it posts nothing.
 */
@Component(property = RecordType.ID + "=" + LeadRecordType.ID)
public class LeadTriggerEvents implements RecordLifecycle {
    private final TransactionScope scope;
    private volatile EventAdmin events;

    /** @param scope posts after the change's outermost commit */
    @Activate
    public LeadTriggerEvents(@Reference TransactionScope scope) {
        this.scope = scope;
    }

    /** @param events where the events are posted */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEvents(EventAdmin events) {
        this.events = events;
    }

    void unsetEvents(EventAdmin old) {
        if (events == old) {
            events = null;
        }
    }

    @Override
    public void afterCreate(Change change) {
        change.after().ifPresent(lead -> post(LeadTriggers.received(lead, change.actor(), Instant.now())));
    }

    @Override
    public void afterUpdate(Change change) {
        if (change.before().isPresent() && change.after().isPresent()) {
            LeadTriggers.discarded(change.before().get(), change.after().get(), change.actor(), Instant.now())
                    .ifPresent(this::post);
        }
    }

    private void post(TriggerEvent event) {
        scope.afterCommit(() -> {
            EventAdmin admin = events;
            if (admin != null) {
                admin.postEvent(new Event(TriggerEvent.topic(event.trigger()), event.properties()));
            }
        });
    }
}
