package org.tesseracrm.kernel.api.security;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Personal API tokens: created, listed and revoked by their user, or by a caller with
 * {@link SecurityAdmin#MANAGE_USERS} for anybody; each create and revoke is audited (never the secret). The REST API
 * authenticates {@code Authorization: Bearer <secret>} with {@link #authenticate(String)} and runs the call as the
 * token's user ({@link CallerContext#callWithToken}).
 */
@ProviderType
public interface ApiTokens {
    /** Every secret starts with this, so that scanners and people recognise a leaked Tessera token. */
    String SECRET_PREFIX = "tsk_";

    /**
     * Creates a token with a new random secret.
     *
     * @param username whose token it is: the caller, or anybody for a user administrator
     * @param request its name, scope, record types and expiry
     * @return the token and its secret, which is not stored and cannot be shown again
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException for another user's token without
     *     {@link SecurityAdmin#MANAGE_USERS}, or without a caller
     * @throws org.tesseracrm.kernel.api.ValidationException on {@code name}, {@code recordTypes} or {@code expiresAt}
     * @throws org.tesseracrm.kernel.api.NotFoundException for an unknown user
     * @throws org.tesseracrm.kernel.api.ConflictException for a deactivated user
     */
    CreatedApiToken create(String username, ApiTokenRequest request);

    /**
     * @param username a user: the caller, or anybody for a user administrator
     * @return that user's tokens, revoked ones included, newest first
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException for another user's tokens without
     *     {@link SecurityAdmin#MANAGE_USERS}, or without a caller
     */
    List<ApiToken> list(String username);

    /**
     * @return every user's tokens, revoked ones included, by user name, newest first
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException without {@link SecurityAdmin#MANAGE_USERS}
     */
    List<ApiToken> listAll();

    /**
     * Revokes a token at once: the next call made with it is refused. Revoking a revoked token changes nothing.
     *
     * @param id the token
     * @return the revoked token
     * @throws org.tesseracrm.kernel.api.PermissionDeniedException for another user's token (or one that does not
     *     exist) without {@link SecurityAdmin#MANAGE_USERS}
     * @throws org.tesseracrm.kernel.api.NotFoundException for a user administrator, if there is no such token
     */
    ApiToken revoke(long id);

    /**
     * Checks a secret. Needs no caller: it is how an API call gets one. Records when the token was used, at most
     * once a minute.
     *
     * @param secret what followed {@code Bearer }
     * @return the token, if the secret is one, not revoked, not expired, and its user is active and not locked out
     */
    Optional<ApiToken> authenticate(String secret);
}
