package org.tesseracrm.collections.api;

import java.util.Objects;

/**
 * An obligation counted in an aging cell.
 *
 * @param collectionId the collection it belongs to
 * @param collection what names the collection to users
 * @param currency its currency
 * @param obligation the obligation
 * @param daysPastDue whole days past its due date on the aging's day; 0 or less when not yet due
 * @param bucket its bucket
 */
public record AgedObligation(long collectionId, String collection, String currency, Obligation obligation,
        long daysPastDue, AgingBucket bucket) {
    /** Checks the parts are present. */
    public AgedObligation {
        Objects.requireNonNull(collection, "collection");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(obligation, "obligation");
        Objects.requireNonNull(bucket, "bucket");
    }
}
