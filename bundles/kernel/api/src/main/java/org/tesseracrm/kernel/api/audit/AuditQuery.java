package org.tesseracrm.kernel.api.audit;

import java.time.Instant;

/**
 * A filter over the whole audit trail; null parts do not filter.
 *
 * @param username exactly this user
 * @param recordType exactly this record type
 * @param from at or after
 * @param to before
 * @param offset first entry, newest first
 * @param limit at most this many entries (1 to 500)
 */
public record AuditQuery(String username, String recordType, Instant from, Instant to, int offset, int limit) {
    /** Checks the page. */
    public AuditQuery {
        if (offset < 0 || limit < 1 || limit > 500) {
            throw new IllegalArgumentException("offset >= 0 and 1 <= limit <= 500");
        }
    }
}
