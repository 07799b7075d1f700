package org.tesseracrm.webhooks.internal.service;

import java.util.Objects;

/**
 * A subscription and its signing secret, which is shown this once.
 *
 * @param webhook the subscription
 * @param secret the signing secret
 */
public record CreatedWebhook(Webhook webhook, String secret) {
    /** Checks the values. */
    public CreatedWebhook {
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "CreatedWebhook[webhook=" + webhook + ", secret=(hidden)]";
    }
}
