package org.tesseracrm.webhooks.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tesseracrm.kernel.api.ValidationException;
import org.tesseracrm.kernel.api.automation.ActionContext;
import org.tesseracrm.kernel.api.automation.TriggerEvent;

/** The "Call a webhook" action's rules: https only, the subscription that signs, the repeat-safe id, the body. */
class CallWebhookActionTest {
    private static final Instant AT = Instant.parse("2026-12-05T09:30:00.123Z");

    private static ActionContext run(long rule, long record, Instant at) {
        return new ActionContext(rule, 3, new TriggerEvent("leads.received", "lead", record, "web", at,
                Map.of("source", "marketing", "campaign", "winter")), Map.of("url", "https://hooks.example.com/crm"), 1);
    }

    private static Webhook webhook(long id, String url, boolean enabled) {
        return new Webhook(id, url, Set.of(), Set.of(CallWebhookAction.EVENT), enabled, false, "admin", AT,
                Optional.empty(), 0, Optional.empty());
    }

    @Test
    void onlyAbsoluteHttpsUrls() {
        assertEquals("https://hooks.example.com/crm", CallWebhookAction.httpsUrl(" https://hooks.example.com/crm "));
        for (String bad : new String[] {null, "", "http://hooks.example.com/crm", "ftp://example.com", "/crm",
                "https:///nohost", "https://exa mple.com"}) {
            ValidationException e = assertThrows(ValidationException.class, () -> CallWebhookAction.httpsUrl(bad));
            assertEquals("url", e.errors().get(0).field(), String.valueOf(bad));
        }
    }

    @Test
    void theEnabledSubscriptionOfTheUrlSigns() {
        List<Webhook> all = List.of(webhook(1, "https://hooks.example.com/crm", false),
                webhook(2, "https://other.example.com/", true), webhook(3, "https://hooks.example.com/crm", true));
        assertEquals(3, CallWebhookAction.subscription(all, "https://hooks.example.com/crm").id());
        ValidationException e = assertThrows(ValidationException.class,
                () -> CallWebhookAction.subscription(all.subList(0, 2), "https://hooks.example.com/crm"));
        assertEquals("No enabled webhook subscription has the URL https://hooks.example.com/crm: create one in "
                + "Administration → Webhooks, its secret signs the call.", e.errors().get(0).message());
    }

    @Test
    void theDeliveryIdIsTheSameForARepeatAndDiffersForAnythingElse() {
        String id = CallWebhookAction.deliveryId(run(7, 41, AT), "https://a.example/");
        assertEquals(id, CallWebhookAction.deliveryId(run(7, 41, AT), "https://a.example/"));
        assertEquals(36, id.length());
        for (String other : List.of(CallWebhookAction.deliveryId(run(8, 41, AT), "https://a.example/"),
                CallWebhookAction.deliveryId(run(7, 42, AT), "https://a.example/"),
                CallWebhookAction.deliveryId(run(7, 41, AT.plusMillis(1)), "https://a.example/"),
                CallWebhookAction.deliveryId(run(7, 41, AT), "https://b.example/"))) {
            assertNotEquals(id, other);
        }
    }

    @Test
    void theBodyCarriesTheRecordAndTheTrigger() {
        ActionContext context = run(7, 41, AT);
        String json = new Envelope("u-1", Envelope.event("lead", CallWebhookAction.EVENT), AT, "web", List.of(),
                Optional.of(Map.of("id", 41L)), Optional.of(CallWebhookAction.trigger(context))).json();
        assertEquals("{\"id\":\"u-1\",\"event\":\"lead.rule\",\"occurredAt\":\"2026-12-05T09:30:00.123Z\","
                + "\"actor\":\"web\",\"changedFields\":[],\"record\":{\"id\":41},\"trigger\":{\"id\":\"leads.received\","
                + "\"ruleId\":7,\"ruleVersion\":3,\"recordType\":\"lead\",\"recordId\":41,"
                + "\"details\":{\"campaign\":\"winter\",\"source\":\"marketing\"}}}", json);
    }
}
