package org.tesseracrm.webhooks.internal.service;

import java.util.Objects;
import java.util.Set;

/**
 * What an administrator sets on a subscription.
 *
 * @param url the http or https URL to deliver to
 * @param recordTypes record type ids; empty: all
 * @param events event names ({@code created}, {@code updated}, {@code deleted}, {@code merged}, or a module's own);
 *     empty: all
 * @param enabled whether events are delivered
 * @param allowPrivate allow private, loopback and link-local addresses (needs {@code webhooks.allow-private})
 */
public record WebhookInput(String url, Set<String> recordTypes, Set<String> events, boolean enabled, boolean allowPrivate) {
    /** Checks and copies the values. */
    public WebhookInput {
        Objects.requireNonNull(url, "url");
        recordTypes = Set.copyOf(recordTypes);
        events = Set.copyOf(events);
    }
}
