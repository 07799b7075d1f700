package org.tesseracrm.kernel.core.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.tesseracrm.kernel.api.security.ApiTokens;

/**
 * API token secrets: {@value ApiTokens#SECRET_PREFIX} and 32 random bytes from {@link SecureRandom} in URL-safe
 * Base64 (43 characters), stored only as their SHA-256 in hex.
 * <p>
 * Why a plain SHA-256 and not {@link PasswordHasher}'s PBKDF2: a slow, salted hash protects low-entropy secrets
 * that people choose (a stolen table of password hashes can be guessed against offline). A token secret has 256
 * random bits: no dictionary holds it, and guessing one against its SHA-256 takes 2^255 tries on average, however
 * fast the hash is. A fast, unsalted hash also lets the API find the token by an indexed equality lookup on every
 * request, instead of 600,000 PBKDF2 rounds per call. The lookup compares hashes, so its timing says nothing
 * useful about the secret.
 */
final class TokenSecrets {
    private static final int SECRET_BYTES = 32;
    /** The prefix and exactly the characters {@link #create()} makes; anything else is refused without a lookup. */
    private static final Pattern SHAPE = Pattern.compile(Pattern.quote(ApiTokens.SECRET_PREFIX) + "[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    /** @return a new secret */
    static String create() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return ApiTokens.SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return whether the text has the shape of a secret (so it is worth a lookup) */
    static boolean wellFormed(String secret) {
        return secret != null && SHAPE.matcher(secret).matches();
    }

    /** @return the SHA-256 of the secret in lower-case hex, as stored */
    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
