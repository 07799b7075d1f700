package org.tesseracrm.webhooks.internal.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A subscription as administrators see it; never its secret.
 *
 * @param id its id
 * @param url where deliveries are POSTed
 * @param recordTypes the record types it hears of; empty: all
 * @param events the events it hears of ({@code created}, {@code updated}, {@code deleted}, {@code merged}, or a
 *     module's own); empty: all
 * @param enabled whether events are delivered to it
 * @param allowPrivate whether its URL may reach private, loopback and link-local addresses
 * @param owner the administrator who created it: payloads are read with their visibility
 * @param createdAt when it was created
 * @param failingSince the first failed attempt since the last delivered one, if the receiver is failing
 * @param failures failed attempts since the last delivered one
 * @param disabledReason why the module disabled it, if it did
 */
public record Webhook(long id, String url, Set<String> recordTypes, Set<String> events, boolean enabled, boolean allowPrivate,
        String owner, Instant createdAt, Optional<Instant> failingSince, int failures, Optional<String> disabledReason) {
    /** Checks and copies the values. */
    public Webhook {
        Objects.requireNonNull(url, "url");
        recordTypes = Set.copyOf(recordTypes);
        events = Set.copyOf(events);
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(failingSince, "failingSince");
        Objects.requireNonNull(disabledReason, "disabledReason");
    }

    /**
     * @param recordType a record type id
     * @param event an event name, e.g. {@code updated}
     * @return whether this subscription wants it
     */
    public boolean wants(String recordType, String event) {
        return (recordTypes.isEmpty() || recordTypes.contains(recordType)) && (events.isEmpty() || events.contains(event));
    }
}
