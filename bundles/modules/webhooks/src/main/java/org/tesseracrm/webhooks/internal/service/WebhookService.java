package org.tesseracrm.webhooks.internal.service;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.ConflictException;
import org.tesseracrm.kernel.api.FieldError;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.Secrets;
import org.tesseracrm.kernel.api.timer.Timers;
import org.tesseracrm.webhooks.internal.WebhooksModule;

/**
 * Everything administrators do with webhooks, the same for the admin page, the shell and the REST API: every method
 * requires {@value WebhooksModule#MANAGE}, and setting "allow private network addresses" also requires
 * {@value WebhooksModule#ALLOW_PRIVATE}. A URL is checked when it is saved (scheme, host resolvable, addresses
 * public unless allowed) and again before every attempt. Signing secrets are sealed with the kernel's
 * {@link Secrets} and returned only when created or rotated.
 */
@Component(service = WebhookService.class)
public class WebhookService {
    /** The events of the record platform; modules may post others. */
    public static final List<String> RECORD_EVENTS = List.of("created", "updated", "deleted", "merged");
    private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);
    private static final Pattern EVENT = Pattern.compile("[a-z][a-z0-9_-]{0,49}");
    private static final int MAX_URL = 2000;

    private final AccessControl access;
    private final WebhookStore store;
    private final Secrets secrets;
    private final Timers timers;
    private final RecordTypes types;
    private final WebhookSender sender;
    private final Clock clock = Clock.systemUTC();

    /**
     * @param access the caller's permissions
     * @param store the module's tables
     * @param secrets seals the signing secrets
     * @param timers schedules test deliveries and retries
     * @param types the installed record types
     * @param sender its address guard checks URLs
     */
    @Activate
    public WebhookService(@Reference AccessControl access, @Reference WebhookStore store, @Reference Secrets secrets,
            @Reference Timers timers, @Reference RecordTypes types, @Reference WebhookSender sender) {
        this.access = access;
        this.store = store;
        this.secrets = secrets;
        this.timers = timers;
        this.types = types;
        this.sender = sender;
    }

    /** @return every subscription */
    public List<Webhook> list() {
        access.require(WebhooksModule.MANAGE);
        return store.webhooks();
    }

    /**
     * @param id a subscription
     * @return it
     * @throws NotFoundException if there is none
     */
    public Webhook get(long id) {
        access.require(WebhooksModule.MANAGE);
        return existing(id);
    }

    /**
     * @param input the URL, record types, events and switches
     * @return the subscription and its new signing secret, shown this once
     */
    public CreatedWebhook create(WebhookInput input) {
        Caller caller = access.require(WebhooksModule.MANAGE);
        check(input, Optional.empty());
        String secret = Signature.newSecret();
        long id = store.insert(input, secrets.seal(secret), caller.username(), clock.instant());
        LOG.info("{} subscribed webhook {} to {}", caller.username(), id, input.url());
        return new CreatedWebhook(existing(id), secret);
    }

    /**
     * @param id a subscription
     * @param input its new settings; enabling it forgets its failures
     * @return it as saved
     */
    public Webhook update(long id, WebhookInput input) {
        access.require(WebhooksModule.MANAGE);
        Webhook before = existing(id);
        check(input, Optional.of(before));
        store.update(id, input);
        if (input.enabled() != before.enabled()) {
            store.setEnabled(id, input.enabled(), Optional.empty(), clock.instant());
        }
        return existing(id);
    }

    /**
     * @param id a subscription
     * @param enabled on or off; enabling forgets its failures
     * @return it as saved
     */
    public Webhook setEnabled(long id, boolean enabled) {
        access.require(WebhooksModule.MANAGE);
        existing(id);
        store.setEnabled(id, enabled, Optional.empty(), clock.instant());
        return existing(id);
    }

    /**
     * @param id a subscription
     * @return its new signing secret, shown this once; the old one stops signing at once
     */
    public String rotateSecret(long id) {
        Caller caller = access.require(WebhooksModule.MANAGE);
        existing(id);
        String secret = Signature.newSecret();
        store.setSecret(id, secrets.seal(secret));
        LOG.info("{} rotated the secret of webhook {}", caller.username(), id);
        return secret;
    }

    /** @param id a subscription to delete with its delivery log */
    public void delete(long id) {
        Caller caller = access.require(WebhooksModule.MANAGE);
        existing(id);
        for (long delivery : store.pending(id)) {
            timers.cancel(DeliveryTimer.HANDLER, Long.toString(delivery));
        }
        store.delete(id);
        LOG.info("{} deleted webhook {}", caller.username(), id);
    }

    /**
     * @param id a subscription
     * @param limit the most returned
     * @return its deliveries, newest first
     */
    public List<Delivery> deliveries(long id, int limit) {
        access.require(WebhooksModule.MANAGE);
        existing(id);
        return store.deliveries(id, Math.max(1, Math.min(limit, 1000)));
    }

    /**
     * Sends a {@value Envelope#TEST_EVENT} event (no record) through the usual delivery, retries included.
     *
     * @param id a subscription
     * @return the delivery, pending
     * @throws ConflictException if the subscription is disabled
     */
    public Delivery sendTest(long id) {
        Caller caller = access.require(WebhooksModule.MANAGE);
        if (!existing(id).enabled()) {
            throw new ConflictException("Enable the subscription before sending it a test event.");
        }
        Instant now = clock.instant();
        String uuid = UUID.randomUUID().toString();
        String body = new Envelope(uuid, Envelope.TEST_EVENT, now, caller.username(), List.of(), Optional.empty()).json();
        long delivery = store.insertDelivery(id, uuid, Envelope.TEST_EVENT, body, now);
        DeliveryTimer.schedule(timers, delivery, now);
        return store.delivery(delivery).orElseThrow();
    }

    /**
     * Tries a delivery again now, with a fresh retry window and the same body.
     *
     * @param deliveryId a delivery
     * @return it, pending
     * @throws ConflictException if it was delivered, or its subscription is disabled
     */
    public Delivery retry(long deliveryId) {
        access.require(WebhooksModule.MANAGE);
        Delivery delivery = store.delivery(deliveryId).orElseThrow(() -> new NotFoundException("Webhook delivery", deliveryId));
        if (delivery.state() == DeliveryState.DELIVERED) {
            throw new ConflictException("This delivery was delivered already.");
        }
        if (!existing(delivery.webhookId()).enabled()) {
            throw new ConflictException("Enable the subscription before retrying its deliveries.");
        }
        Instant now = clock.instant();
        store.setState(deliveryId, DeliveryState.PENDING, Optional.empty(), now);
        DeliveryTimer.schedule(timers, deliveryId, now);
        return store.delivery(deliveryId).orElseThrow();
    }

    private Webhook existing(long id) {
        return store.webhook(id).orElseThrow(() -> new NotFoundException("Webhook", id));
    }

    private void check(WebhookInput input, Optional<Webhook> before) {
        // allowing private addresses, or pointing a subscription that allows them elsewhere
        if (input.allowPrivate() && (before.isEmpty() || !before.get().allowPrivate() || !before.get().url().equals(input.url().trim()))) {
            access.require(WebhooksModule.ALLOW_PRIVATE);
        }
        List<FieldError> errors = new ArrayList<>();
        AddressGuard.Result<URI> url = AddressGuard.parse(input.url());
        if (input.url().length() > MAX_URL) {
            errors.add(new FieldError("url", "At most " + MAX_URL + " characters."));
        } else if (url.refusal().isPresent()) {
            errors.add(new FieldError("url", url.refusal().get()));
        } else {
            sender.guard().check(url.value().get(), input.allowPrivate()).refusal()
                    .ifPresent(why -> errors.add(new FieldError("url", why)));
        }
        for (String type : input.recordTypes()) {
            if (types.find(type).isEmpty()) {
                errors.add(new FieldError("recordTypes", "No record type " + type + " is installed."));
            }
        }
        for (String event : input.events()) {
            if (!EVENT.matcher(event).matches()) {
                errors.add(new FieldError("events", "Not an event name: " + event + " (e.g. " + String.join(", ", RECORD_EVENTS) + ")."));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
