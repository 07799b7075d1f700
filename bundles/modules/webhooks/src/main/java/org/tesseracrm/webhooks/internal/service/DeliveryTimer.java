package org.tesseracrm.webhooks.internal.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.security.Secrets;
import org.tesseracrm.kernel.api.timer.DueTimer;
import org.tesseracrm.kernel.api.timer.TimerHandler;
import org.tesseracrm.kernel.api.timer.Timers;

/**
 * Makes one attempt of a delivery when its durable timer ({@value #HANDLER} / delivery id) comes due, on the kernel's
 * timer thread. A failed attempt schedules the same timer again after the {@link Backoff}'s wait, so the kernel's own
 * retries are only for a failure of this code or of the database. A delivery that fails for the whole retry window is
 * given up; if nothing reached its subscription during that time either, the subscription is disabled and the reason
 * shown on the admin page (and logged at WARN: the kernel has no notification service yet). Delivered and given-up
 * deliveries are kept {@value #KEPT_DAYS} days in the log.
 */
@Component(service = {DeliveryTimer.class, TimerHandler.class}, configurationPid = WebhooksConfig.PID,
        property = TimerHandler.NAME + "=" + DeliveryTimer.HANDLER)
public class DeliveryTimer implements TimerHandler {
    /** The timers' handler name; the key is the delivery's id. */
    public static final String HANDLER = "webhooks.delivery";
    /** How long finished deliveries stay in the log. */
    static final int KEPT_DAYS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryTimer.class);

    private final WebhookStore store;
    private final WebhookSender sender;
    private final Secrets secrets;
    private final Timers timers;
    private final Backoff backoff;
    private final Clock clock;

    /**
     * @param store the module's tables
     * @param sender makes the HTTP call
     * @param secrets opens the signing secrets
     * @param timers schedules the retries
     * @param config the retry schedule
     */
    @Activate
    public DeliveryTimer(@Reference WebhookStore store, @Reference WebhookSender sender, @Reference Secrets secrets,
            @Reference Timers timers, WebhooksConfig config) {
        this(store, sender, secrets, timers, Backoff.of(config), Clock.systemUTC());
    }

    DeliveryTimer(WebhookStore store, WebhookSender sender, Secrets secrets, Timers timers, Backoff backoff, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.secrets = secrets;
        this.timers = timers;
        this.backoff = backoff;
        this.clock = clock;
    }

    /**
     * Schedules a delivery's next attempt.
     *
     * @param timers the durable timers
     * @param deliveryId the delivery
     * @param at when
     */
    static void schedule(Timers timers, long deliveryId, Instant at) {
        timers.schedule(HANDLER, Long.toString(deliveryId), at, "");
    }

    @Override
    public void fire(DueTimer timer) {
        long id = Long.parseLong(timer.key());
        Optional<Delivery> found = store.delivery(id);
        if (found.isEmpty() || found.get().state() != DeliveryState.PENDING) {
            return; // deleted with its subscription, or retried and finished meanwhile
        }
        Delivery delivery = found.get();
        Instant now = clock.instant();
        Optional<Webhook> webhook = store.webhook(delivery.webhookId());
        if (webhook.isEmpty() || !webhook.get().enabled()) {
            store.setState(id, DeliveryState.CANCELLED, Optional.of("The subscription is disabled."), now);
            return;
        }
        String secret = secrets.openText(store.sealedSecret(delivery.webhookId()).orElseThrow());
        String body = store.body(id).orElseThrow();
        WebhookSender.Attempt attempt = sender.send(webhook.get(), secret, delivery.uuid(), body, now);
        Instant firstAttempt = store.firstAttempt(id).orElse(now);
        store.recordOutcome(webhook.get().id(), attempt.delivered(), now);
        if (attempt.delivered()) {
            store.recordAttempt(id, DeliveryState.DELIVERED, now, Optional.empty(), attempt.status(), Optional.empty(), attempt.response());
            store.prune(now.minus(Duration.ofDays(KEPT_DAYS)));
            return;
        }
        Optional<Instant> next = backoff.next(firstAttempt, delivery.attempts() + 1, now);
        store.recordAttempt(id, next.isPresent() ? DeliveryState.PENDING : DeliveryState.FAILED, now, next, attempt.status(),
                attempt.error(), attempt.response());
        LOG.debug("Webhook {} delivery {} attempt {} failed: {}", webhook.get().id(), id, delivery.attempts() + 1, attempt.error());
        if (next.isPresent()) {
            schedule(timers, id, next.get());
        } else {
            giveUp(webhook.get(), delivery, firstAttempt, attempt, now);
        }
    }

    private static String duration(Duration d) {
        return d.toSeconds() % 3600 == 0 ? d.toHours() + " h" : d.toSeconds() + " s";
    }

    private void giveUp(Webhook webhook, Delivery delivery, Instant firstAttempt, WebhookSender.Attempt attempt, Instant now) {
        Optional<Instant> failingSince = store.webhook(webhook.id()).flatMap(Webhook::failingSince);
        if (failingSince.isPresent() && !failingSince.get().isAfter(firstAttempt)) {
            String reason = "Disabled on " + now + ": every attempt to deliver " + delivery.event() + " (" + delivery.uuid()
                    + ") failed for " + duration(backoff.window()) + ", and nothing else was delivered meanwhile. Last error: "
                    + attempt.error().orElse("unknown") + ". Fix the receiver, then enable the subscription and retry the failed deliveries.";
            store.setEnabled(webhook.id(), false, Optional.of(reason), now);
            LOG.warn("Webhook {} to {} was disabled: {}", webhook.id(), webhook.url(), reason);
        } else {
            LOG.warn("Webhook {} gave up delivery {} of {} after {} attempts: {}", webhook.id(), delivery.id(), delivery.event(),
                    delivery.attempts() + 1, attempt.error().orElse("unknown"));
        }
    }
}
