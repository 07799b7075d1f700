package org.tesseracrm.kernel.api.security;

import java.util.Objects;

/**
 * A token just created, with its secret: the only time anyone sees the secret. Show it to the user once and do not
 * keep it; {@link #toString()} leaves it out so that it does not end up in a log.
 *
 * @param token the token
 * @param secret the secret to send as {@code Authorization: Bearer <secret>}; starts with
 *     {@link ApiTokens#SECRET_PREFIX}
 */
public record CreatedApiToken(ApiToken token, String secret) {
    /** Checks both are present. */
    public CreatedApiToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
    }

    /** @return the token without its secret */
    @Override
    public String toString() {
        return "CreatedApiToken[token=" + token + ", secret=(hidden)]";
    }
}
