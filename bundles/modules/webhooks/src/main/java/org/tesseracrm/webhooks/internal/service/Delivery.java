package org.tesseracrm.webhooks.internal.service;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One delivery of one event to one subscription, with its last attempt's result.
 *
 * @param id its id
 * @param webhookId the subscription
 * @param uuid the id the receiver sees ({@code Tessera-Webhook-Id}, the envelope's {@code id}), the same on every attempt
 * @param event the event, e.g. {@code contact.updated}
 * @param createdAt when the event was heard
 * @param state where it is
 * @param attempts how many attempts were made
 * @param lastAttemptAt when the last one was made
 * @param nextAttemptAt when the next one is due, while pending
 * @param statusCode the receiver's last HTTP status, if it answered
 * @param error why the last attempt failed, if it did
 * @param response the start of the receiver's last answer (at most 1 KB)
 */
public record Delivery(long id, long webhookId, String uuid, String event, Instant createdAt, DeliveryState state, int attempts,
        Optional<Instant> lastAttemptAt, Optional<Instant> nextAttemptAt, OptionalInt statusCode, Optional<String> error,
        Optional<String> response) {
    /** Checks the values. */
    public Delivery {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(response, "response");
    }
}
