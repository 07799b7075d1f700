package org.tesseracrm.kernel.core.internal.security;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.TableGenerator;

import org.tesseracrm.kernel.api.security.ApiToken;
import org.tesseracrm.kernel.api.security.ApiTokenRequest;
import org.tesseracrm.kernel.api.security.ApiTokenScope;

/** A personal API token: only the SHA-256 of its secret ({@link TokenSecrets}), never the secret. Times in UTC. */
@Entity
@Table(name = "CRM_API_TOKEN")
public class ApiTokenEntity {
    /** How often at most the last use is written: every call would be a write per request. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @Id
    @TableGenerator(name = "apiTokenIds", table = "KERNEL_ID_GEN", pkColumnName = "GEN_NAME",
            valueColumnName = "GEN_VALUE", pkColumnValue = "API_TOKEN", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "apiTokenIds")
    @Column(name = "ID")
    private Long id;

    @Column(name = "USERNAME", length = 100, nullable = false)
    private String username;

    @Column(name = "NAME", length = 100, nullable = false)
    private String name;

    @Column(name = "SECRET_HASH", length = 64, nullable = false, unique = true)
    private String secretHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "TOKEN_SCOPE", length = 10, nullable = false)
    private ApiTokenScope scope;

    /** Comma-separated record type ids, sorted; null: every type. */
    @Column(name = "RECORD_TYPES", length = 1000)
    private String recordTypes;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "EXPIRES_AT")
    private LocalDateTime expiresAt;

    @Column(name = "LAST_USED_AT")
    private LocalDateTime lastUsedAt;

    @Column(name = "REVOKED_AT")
    private LocalDateTime revokedAt;

    /** For JPA. */
    protected ApiTokenEntity() {
    }

    ApiTokenEntity(String username, ApiTokenRequest request, String secretHash, Instant now) {
        this.username = username;
        this.name = request.name().trim();
        this.secretHash = secretHash;
        this.scope = request.scope();
        this.recordTypes = request.recordTypes().isEmpty() ? null : String.join(",", new TreeSet<>(request.recordTypes()));
        this.createdAt = utc(now);
        this.expiresAt = request.expiresAt().map(ApiTokenEntity::utc).orElse(null);
    }

    ApiToken toToken() {
        Set<String> types = recordTypes == null ? Set.of() : Set.copyOf(Arrays.asList(recordTypes.split(",")));
        return new ApiToken(id, username, name, scope, types, instant(createdAt), Optional.ofNullable(expiresAt).map(ApiTokenEntity::instant),
                Optional.ofNullable(lastUsedAt).map(ApiTokenEntity::instant), Optional.ofNullable(revokedAt).map(ApiTokenEntity::instant));
    }

    /** Notes a use, unless one was noted less than {@link #LAST_USED_PRECISION} ago. @return whether it wrote */
    boolean used(Instant now) {
        LocalDateTime at = utc(now);
        if (lastUsedAt != null && at.isBefore(lastUsedAt.plus(LAST_USED_PRECISION))) {
            return false;
        }
        lastUsedAt = at;
        return true;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = utc(now);
        }
    }

    String username() {
        return username;
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(LocalDateTime utc) {
        return utc.toInstant(ZoneOffset.UTC);
    }
}
