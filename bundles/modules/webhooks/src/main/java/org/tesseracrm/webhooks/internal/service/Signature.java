package org.tesseracrm.webhooks.internal.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@value #HEADER} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} over {@code "<t>.<raw body>"}, keyed with
 * the subscription's secret as text (its UTF-8 bytes). Signing the time with the body lets a receiver refuse an old
 * delivery replayed to it (it checks that {@code t} is recent).
 */
final class Signature {
    /** The signature header. */
    static final String HEADER = "Tessera-Signature";
    /** Every signing secret starts with this, so that people and scanners recognise one. */
    static final String SECRET_PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signature() {
    }

    /** @return a new signing secret: the prefix and 32 random bytes, URL-safe Base64 */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * @param secret the subscription's secret
     * @param timestamp the unix time of the attempt, in seconds
     * @param body the raw body, exactly as sent
     * @return the header's value
     */
    static String header(String secret, long timestamp, byte[] body) {
        return "t=" + timestamp + ",v1=" + hmac(secret, timestamp, body);
    }

    /** @return the hex HMAC-SHA256 of {@code "<timestamp>.<body>"} */
    static String hmac(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
