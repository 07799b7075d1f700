package org.tesseracrm.kernel.api.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a user asks for when creating an API token.
 *
 * @param name what to call it, 1 to 100 characters, unique among the user's tokens that are not revoked
 * @param scope read only, or read and write
 * @param recordTypes the record type ids it may touch; empty: every type
 * @param expiresAt when it stops working (in the future), or never
 */
public record ApiTokenRequest(String name, ApiTokenScope scope, Set<String> recordTypes, Optional<Instant> expiresAt) {
    /** Checks the scope is present; copies the record types; null means none and never. */
    public ApiTokenRequest {
        Objects.requireNonNull(scope, "scope");
        recordTypes = recordTypes == null ? Set.of() : Set.copyOf(recordTypes);
        expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
    }
}
