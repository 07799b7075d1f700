package org.tesseracrm.webhooks.internal.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.NotFoundException;
import org.tesseracrm.webhooks.internal.service.CreatedWebhook;
import org.tesseracrm.webhooks.internal.service.Delivery;
import org.tesseracrm.webhooks.internal.service.Webhook;
import org.tesseracrm.webhooks.internal.service.WebhookInput;
import org.tesseracrm.webhooks.internal.service.WebhookService;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/v1/webhooks}: the subscriptions, their secrets (shown when created or rotated) and delivery logs, through
 * {@link WebhookService}, which checks {@code webhooks.manage} (and {@code webhooks.allow-private}) for the token's
 * user. A whiteboard resource like the kernel's, served once crm-rest is installed and an idle service without it.
 * Its whiteboard properties are written out rather than set with the whiteboard's annotations, because those also
 * make the bundle require the whiteboard (osgi.implementation=osgi.jakartars), and the module must install without
 * the REST API; Jackson and the Jakarta REST API come with crm-rest-thirdparty, which crm-webhooks requires.
 */
@Component(service = WebhooksResource.class, property = {"osgi.jakartars.resource=true", "osgi.jakartars.name=tessera.webhooks",
        "osgi.jakartars.extension.select=" + WebhooksResource.JSON})
@Path("v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {
    /** The REST runtime's JSON provider (its name is part of the REST runtime's contract with modules). */
    static final String JSON = "(osgi.jakartars.name=tessera.json)";

    private final WebhookService webhooks;

    /** @param webhooks does the work and checks the permissions */
    @Activate
    public WebhooksResource(@Reference WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /** @return every subscription */
    @GET
    public List<WebhookView> list() {
        return webhooks.list().stream().map(WebhookView::of).toList();
    }

    /**
     * @param request the subscription
     * @return 201 with the subscription and its secret, shown this once
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(WebhookRequest request) {
        CreatedWebhook created = webhooks.create(request.input(Optional.empty()));
        WebhookView view = WebhookView.of(created.webhook()).withSecret(created.secret());
        return Response.created(URI.create("v1/webhooks/" + created.webhook().id())).entity(view).build();
    }

    /** @return one subscription */
    @GET
    @Path("{id}")
    public WebhookView get(@PathParam("id") long id) {
        return WebhookView.of(webhooks.get(id));
    }

    /** @return the subscription with its new settings (omitted ones stay as they were) */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public WebhookView update(@PathParam("id") long id, WebhookRequest request) {
        return WebhookView.of(webhooks.update(id, request.input(Optional.of(webhooks.get(id)))));
    }

    /** @return 204 once the subscription and its log are deleted */
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    /** @return the subscription, enabled and its failures forgotten */
    @POST
    @Path("{id}/enable")
    public WebhookView enable(@PathParam("id") long id) {
        return WebhookView.of(webhooks.setEnabled(id, true));
    }

    /** @return the subscription, disabled */
    @POST
    @Path("{id}/disable")
    public WebhookView disable(@PathParam("id") long id) {
        return WebhookView.of(webhooks.setEnabled(id, false));
    }

    /** @return {@code {"secret": "whsec_..."}}, shown this once; the old secret stops signing at once */
    @POST
    @Path("{id}/rotate-secret")
    public SecretView rotateSecret(@PathParam("id") long id) {
        return new SecretView(webhooks.rotateSecret(id));
    }

    /** @return 202 with the test delivery, pending */
    @POST
    @Path("{id}/test")
    public Response test(@PathParam("id") long id) {
        return Response.accepted(DeliveryView.of(webhooks.sendTest(id))).build();
    }

    /** @return the subscription's deliveries, newest first */
    @GET
    @Path("{id}/deliveries")
    public List<DeliveryView> deliveries(@PathParam("id") long id, @QueryParam("limit") @DefaultValue("50") int limit) {
        return webhooks.deliveries(id, limit).stream().map(DeliveryView::of).toList();
    }

    /** @return 202 with the delivery, pending again */
    @POST
    @Path("{id}/deliveries/{deliveryId}/retry")
    public Response retry(@PathParam("id") long id, @PathParam("deliveryId") long deliveryId) {
        if (webhooks.deliveries(id, 1000).stream().noneMatch(d -> d.id() == deliveryId)) {
            throw new NotFoundException("Webhook delivery", deliveryId);
        }
        return Response.accepted(DeliveryView.of(webhooks.retry(deliveryId))).build();
    }

    /**
     * A subscription as the API takes it; on PUT an omitted member keeps its value.
     *
     * @param url the http or https URL
     * @param recordTypes record type ids; empty or omitted on POST: all
     * @param events {@code created}, {@code updated}, {@code deleted}, {@code merged} or a module's own; empty: all
     * @param enabled default true
     * @param allowPrivate default false; true needs {@code webhooks.allow-private}
     */
    public record WebhookRequest(String url, List<String> recordTypes, List<String> events, Boolean enabled, Boolean allowPrivate) {
        WebhookInput input(Optional<Webhook> before) {
            return new WebhookInput(url != null ? url : before.map(Webhook::url).orElse(""),
                    recordTypes != null ? Set.copyOf(recordTypes) : before.map(Webhook::recordTypes).orElse(Set.of()),
                    events != null ? Set.copyOf(events) : before.map(Webhook::events).orElse(Set.of()),
                    enabled != null ? enabled : before.map(Webhook::enabled).orElse(true),
                    allowPrivate != null ? allowPrivate : before.map(Webhook::allowPrivate).orElse(false));
        }
    }

    /**
     * A subscription as the API shows it.
     *
     * @param id its id
     * @param url its URL
     * @param recordTypes its record types, sorted; empty: all
     * @param events its events, sorted; empty: all
     * @param enabled whether it is delivered to
     * @param allowPrivate whether private addresses are allowed
     * @param owner who created it (payloads are read with their visibility)
     * @param createdAt when
     * @param failures failed attempts since the last delivered one
     * @param failingSince the first of them
     * @param disabledReason why the module disabled it
     * @param secret only when created
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record WebhookView(long id, String url, List<String> recordTypes, List<String> events, boolean enabled, boolean allowPrivate,
            String owner, String createdAt, int failures, String failingSince, String disabledReason, String secret) {
        static WebhookView of(Webhook w) {
            return new WebhookView(w.id(), w.url(), List.copyOf(new TreeSet<>(w.recordTypes())), List.copyOf(new TreeSet<>(w.events())),
                    w.enabled(), w.allowPrivate(), w.owner(), w.createdAt().toString(), w.failures(),
                    w.failingSince().map(Instant::toString).orElse(null), w.disabledReason().orElse(null), null);
        }

        WebhookView withSecret(String value) {
            return new WebhookView(id, url, recordTypes, events, enabled, allowPrivate, owner, createdAt, failures, failingSince,
                    disabledReason, value);
        }
    }

    /** @param secret a new signing secret */
    public record SecretView(String secret) {
    }

    /**
     * A delivery as the API shows it.
     *
     * @param id its id
     * @param deliveryId the id the receiver sees (Tessera-Webhook-Id)
     * @param event the event
     * @param createdAt when the event was heard
     * @param state PENDING, DELIVERED, FAILED or CANCELLED
     * @param attempts attempts made
     * @param lastAttemptAt the last one
     * @param nextAttemptAt the next one, while pending
     * @param statusCode the receiver's last status
     * @param error why the last attempt failed
     * @param response the start of the receiver's last answer
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(long id, String deliveryId, String event, String createdAt, String state, int attempts,
            String lastAttemptAt, String nextAttemptAt, Integer statusCode, String error, String response) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id(), d.uuid(), d.event(), d.createdAt().toString(), d.state().name(), d.attempts(),
                    d.lastAttemptAt().map(Instant::toString).orElse(null), d.nextAttemptAt().map(Instant::toString).orElse(null),
                    d.statusCode().isPresent() ? d.statusCode().getAsInt() : null, d.error().orElse(null), d.response().orElse(null));
        }
    }
}
