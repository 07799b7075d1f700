package org.tesseracrm.webhooks.internal.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.Action;
import org.tesseracrm.kernel.api.automation.ActionContext;
import org.tesseracrm.kernel.api.automation.ActionResult;
import org.tesseracrm.kernel.api.automation.Parameter;
import org.tesseracrm.kernel.api.automation.ParameterType;
import org.tesseracrm.kernel.api.automation.TriggerEvent;
import org.tesseracrm.kernel.api.record.CustomFields;
import org.tesseracrm.kernel.api.record.RecordJson;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * The workflow action "Call a webhook" ({@value #ID}): POSTs the rule's record, as the REST API shows it, and what
 * triggered the rule to an https URL, through this module's deliveries. The URL must be the one of an enabled webhook
 * subscription (Administration → Webhooks): its secret, sealed and rotated there, signs the call exactly as it signs
 * record events ({@code Tessera-Signature}, by {@link DeliveryTimer} and {@link Signature}); the record is read with
 * the subscription owner's visibility; the call is a delivery of that subscription, retried with its backoff and
 * shown in its delivery log. A subscription whose events are only {@value #EVENT} gets the rules' calls and no record
 * events.
 *
 * <p>Safe to repeat: the delivery's id ({@code Tessera-Webhook-Id} and the body's {@code id}) is a name-based UUID of
 * the rule, the record, the trigger, the moment it happened and the URL, so a run repeated after a crash queues
 * nothing new and a receiver can drop a repeat by that id. The delivery row and its timer are written in the engine's
 * transaction: they commit with the rule's run log or not at all.
 */
@Component(service = Action.class, property = Action.ID + "=" + CallWebhookAction.ID)
public class CallWebhookAction implements Action {
    /** The action's id. */
    public static final String ID = "webhooks.call";
    /** The event name of a rule's call: {@code <record type>.rule} in the body, {@code rule} in a subscription. */
    public static final String EVENT = "rule";

    private static final List<Parameter> PARAMETERS = List.of(Parameter.of("url", "URL", ParameterType.TEXT, true)
            .withHelp("https only. Create a webhook subscription for this URL first (Administration → Webhooks): "
                    + "its secret signs the call; with the event \"rule\" alone it gets no record events."));

    private final WebhookStore store;
    private final Records records;
    private final CustomFields fields;
    private final CallerContext callers;
    private final Timers timers;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param store the subscriptions and deliveries
     * @param records reads the rule's record
     * @param fields every field of a record type, for the JSON form
     * @param callers reads as the subscription's owner
     * @param timers schedules the delivery
     */
    @Activate
    public CallWebhookAction(@Reference WebhookStore store, @Reference Records records,
            @Reference CustomFields fields, @Reference CallerContext callers, @Reference Timers timers) {
        this.store = store;
        this.records = records;
        this.fields = fields;
        this.callers = callers;
        this.timers = timers;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return "Call a webhook";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public ActionResult run(ActionContext context) {
        String url = httpsUrl(context.config().get("url"));
        Webhook webhook = subscription(store.webhooks(), url);
        String uuid = deliveryId(context, url);
        String event = Envelope.event(context.recordType(), EVENT);
        if (store.hasDelivery(webhook.id(), uuid)) {
            return ActionResult.done("Already queued: delivery " + uuid + " of " + event + " to " + url);
        }
        Optional<Map<String, Object>> record = callers.callAs(new Caller(webhook.owner()),
                () -> records.get(context.recordType(), context.recordId())
                        .map(row -> RecordJson.write(fields.fields(context.recordType()), row, List.of())));
        if (record.isEmpty()) {
            return ActionResult.skipped("The record " + context.recordType() + " #" + context.recordId()
                    + " is gone or hidden from the subscription's owner " + webhook.owner() + ".");
        }
        TriggerEvent happened = context.event();
        String body = new Envelope(uuid, event, happened.at(), happened.actor(), List.of(), record,
                Optional.of(trigger(context))).json();
        Instant now = clock.instant();
        long delivery = store.insertDelivery(webhook.id(), uuid, event, body, now);
        DeliveryTimer.schedule(timers, delivery, now);
        return ActionResult.done("Queued delivery " + uuid + " of " + event + " to " + url + " (webhook #"
                + webhook.id() + ")");
    }

    /**
     * @param text the configured URL
     * @return it, stripped
     * @throws ValidationException naming {@code url} unless it is an absolute https URL
     */
    static String httpsUrl(String text) {
        String url = text == null ? "" : text.strip();
        try {
            URI uri = new URI(url);
            if ("https".equals(Optional.ofNullable(uri.getScheme()).map(s -> s.toLowerCase(Locale.ROOT)).orElse(""))
                    && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new ValidationException(List.of(new FieldError("url", "Enter an https URL, e.g. https://example.com/hook.")));
    }

    /**
     * @param webhooks every subscription
     * @param url the action's URL
     * @return the enabled subscription of that URL, whose secret signs the call
     * @throws ValidationException naming {@code url} when there is none
     */
    static Webhook subscription(List<Webhook> webhooks, String url) {
        return webhooks.stream().filter(w -> w.enabled() && w.url().equals(url)).findFirst()
                .orElseThrow(() -> new ValidationException(List.of(new FieldError("url", "No enabled webhook "
                        + "subscription has the URL " + url + ": create one in Administration → Webhooks, its secret "
                        + "signs the call."))));
    }

    /**
     * @param context the run
     * @param url the URL called
     * @return the delivery's id, the same for every repeat of this action for this event: a name-based UUID of rule,
     *     record, trigger, its moment and the URL (the kernel gives no run id to actions)
     */
    static String deliveryId(ActionContext context, String url) {
        TriggerEvent e = context.event();
        String key = "rule " + context.ruleId() + " " + e.recordType() + " " + e.recordId() + " " + e.trigger() + " "
                + e.at().toEpochMilli() + " " + url;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** @return the body's {@code trigger}: what started the rule, and which rule at which version */
    static Map<String, Object> trigger(ActionContext context) {
        Map<String, Object> trigger = new LinkedHashMap<>();
        trigger.put("id", context.event().trigger());
        trigger.put("ruleId", context.ruleId());
        trigger.put("ruleVersion", context.ruleVersion());
        trigger.put("recordType", context.recordType());
        trigger.put("recordId", context.recordId());
        trigger.put("details", new TreeMap<>(context.event().details()));
        return trigger;
    }
}
