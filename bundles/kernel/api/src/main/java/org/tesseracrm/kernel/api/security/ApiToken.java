package org.tesseracrm.kernel.api.security;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A personal API token as its user and administrators see it: never its secret, which is shown once when the
 * token is created ({@link CreatedApiToken}) and stored only as a hash. A call made with the token runs as its
 * user, with exactly that user's permissions and record visibility, narrowed by the token's scope and record types.
 *
 * @param id the token id
 * @param username whose token it is; calls made with it run as this user
 * @param name what the user called it, e.g. "Nightly export"
 * @param scope read only, or read and write
 * @param recordTypes the record type ids it may touch; empty: every type
 * @param createdAt when it was created
 * @param expiresAt when it stops working, if ever
 * @param lastUsedAt when it was last used, to the minute, if ever
 * @param revokedAt when it was revoked, if it was
 */
public record ApiToken(long id, String username, String name, ApiTokenScope scope, Set<String> recordTypes,
        Instant createdAt, Optional<Instant> expiresAt, Optional<Instant> lastUsedAt, Optional<Instant> revokedAt) {
    /** Checks the parts are present and copies the record types. */
    public ApiToken {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(createdAt, "createdAt");
        recordTypes = recordTypes == null ? Set.of() : Set.copyOf(recordTypes);
        expiresAt = expiresAt == null ? Optional.empty() : expiresAt;
        lastUsedAt = lastUsedAt == null ? Optional.empty() : lastUsedAt;
        revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
    }

    /**
     * @param recordType a record type id
     * @return whether the token may touch records of that type
     */
    public boolean permitsType(String recordType) {
        return recordTypes.isEmpty() || recordTypes.contains(recordType);
    }

    /**
     * @param now a point in time
     * @return whether the token works at that time: not revoked and not expired (its user's state aside)
     */
    public boolean usableAt(Instant now) {
        return revokedAt.isEmpty() && expiresAt.map(now::isBefore).orElse(true);
    }
}
