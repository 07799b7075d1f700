package org.tesseracrm.webhooks.internal.service;

/** Where a delivery is. */
public enum DeliveryState {
    /** Waiting for its first attempt or its next retry. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Every attempt within the retry window failed; "Retry now" tries again. */
    FAILED,
    /** Not sent: its subscription was disabled or deleted before. */
    CANCELLED
}
