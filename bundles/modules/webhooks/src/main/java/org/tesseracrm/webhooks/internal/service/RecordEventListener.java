package org.tesseracrm.webhooks.internal.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordEvents;
import org.tesseracrm.kernel.api.record.RecordJson;
import org.tesseracrm.kernel.api.record.RecordRow;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * Hears every record event (posted after commit) and, for each enabled subscription that wants it, stores one
 * delivery with its body and schedules its timer, in one transaction. The body is made now, not at send time: the
 * receiver gets the record as it was just after the change, and every retry sends the same bytes. The record is
 * read as the subscription's owner (the administrator who created it), so a webhook never sends a record its owner
 * could not read in the CRM; a record the owner does not see, or that is gone by the time the event is heard, is
 * not sent (a deleted record's event carries its id only).
 */
@Component(service = EventHandler.class, property = EventConstants.EVENT_TOPIC + "=" + RecordEvents.ALL_TOPICS)
public class RecordEventListener implements EventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RecordEventListener.class);
    /** How long the copy of the subscriptions is used when another node may have changed them. */
    private static final long FRESH_MILLIS = 5_000;

    private final WebhookStore store;
    private final Records records;
    private final CustomFields fields;
    private final CallerContext callers;
    private final TransactionScope scope;
    private final Timers timers;
    private final Clock clock = Clock.systemUTC();
    private volatile Copy copy = new Copy(List.of(), -1, 0);

    /**
     * @param store the module's tables
     * @param records reads the changed records
     * @param fields every field of a record type, for the JSON form
     * @param callers reads as each subscription's owner
     * @param scope one transaction for a delivery and its timer
     * @param timers schedules the deliveries
     */
    @Activate
    public RecordEventListener(@Reference WebhookStore store, @Reference Records records, @Reference CustomFields fields,
            @Reference CallerContext callers, @Reference TransactionScope scope, @Reference Timers timers) {
        this.store = store;
        this.records = records;
        this.fields = fields;
        this.callers = callers;
        this.scope = scope;
        this.timers = timers;
    }

    @Override
    public void handleEvent(Event event) {
        String type = (String) event.getProperty(RecordEvents.TYPE);
        String action = (String) event.getProperty(RecordEvents.ACTION);
        Object id = event.getProperty(RecordEvents.ID);
        if (type == null || action == null || !(id instanceof Number)) {
            return;
        }
        String name = Envelope.event(type, action);
        String eventName = action.toLowerCase(java.util.Locale.ROOT);
        List<Webhook> wanting = webhooks().stream().filter(w -> w.enabled() && w.wants(type, eventName)).toList();
        if (wanting.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String actor = Optional.ofNullable((String) event.getProperty(RecordEvents.ACTOR)).orElse("");
        List<String> changed = Optional.ofNullable((String[]) event.getProperty(RecordEvents.FIELDS)).map(Arrays::asList).orElse(List.of());
        long recordId = ((Number) id).longValue();
        for (Webhook webhook : wanting) {
            try {
                record(webhook, type, action, recordId).ifPresent(record -> {
                    String uuid = UUID.randomUUID().toString();
                    String body = new Envelope(uuid, name, now, actor, changed, Optional.of(record)).json();
                    scope.required(c -> {
                        long delivery = store.insertDelivery(webhook.id(), uuid, name, body, now);
                        DeliveryTimer.schedule(timers, delivery, now);
                        return delivery;
                    });
                });
            } catch (CrmException e) {
                LOG.warn("Webhook {} could not take {} of {} #{}: {}", webhook.id(), action, type, recordId, e.getMessage());
            }
        }
    }

    /** @return the record's JSON form as the subscription's owner reads it, its id alone if deleted */
    private Optional<Map<String, Object>> record(Webhook webhook, String type, String action, long id) {
        if (RecordEvents.DELETED.equals(action)) {
            return Optional.of(Map.of(RecordJson.ID, id));
        }
        return callers.callAs(new Caller(webhook.owner()), () -> {
            Optional<RecordRow> row = records.get(type, id);
            if (row.isEmpty()) {
                LOG.debug("Webhook {}: {} #{} is gone or hidden from {}", webhook.id(), type, id, webhook.owner());
            }
            return row.map(r -> RecordJson.write(fields.fields(type), r, List.of()));
        });
    }

    private List<Webhook> webhooks() {
        Copy current = copy;
        long changes = store.changes();
        long now = System.currentTimeMillis();
        if (current.changes() != changes || now - current.readAt() > FRESH_MILLIS) {
            current = new Copy(store.webhooks(), changes, now);
            copy = current;
        }
        return current.webhooks();
    }

    private record Copy(List<Webhook> webhooks, long changes, long readAt) {
    }
}
