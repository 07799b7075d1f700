package org.tesseracrm.campaigns.internal.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signed tokens of the tracking links: {@code base64url(payload) "." base64url(HMAC-SHA256(key, payload))}, the
 * payload being {@code kind "." memberId} and, for a click, {@code "." url}. Only the server's key signs them, so a
 * token cannot be made for another member or another address to redirect to; the signature is compared in constant
 * time.
 */
public final class TrackingTokens {
    /** The open pixel. */
    public static final char OPEN = 'o';
    /** A click on a link. */
    public static final char CLICK = 'c';
    /** The unsubscribe link. */
    public static final char UNSUBSCRIBE = 'u';
    /** The longest token verified (a click token carries its URL). */
    public static final int MAX_TOKEN = 4096;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /**
     * What a valid token says.
     *
     * @param kind {@link #OPEN}, {@link #CLICK} or {@link #UNSUBSCRIBE}
     * @param memberId the campaign member
     * @param url the link's address, for a click; "" otherwise
     */
    public record Token(char kind, long memberId, String url) {
    }

    private TrackingTokens() {
    }

    /**
     * @param key the HMAC key
     * @param kind the token's kind
     * @param memberId the member
     * @param url the link's address for a click, else ""
     * @return the token, safe in a URL path segment
     */
    public static String sign(byte[] key, char kind, long memberId, String url) {
        String payload = kind + "." + memberId + (kind == CLICK ? "." + url : "");
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(key, bytes));
    }

    /**
     * @param key the HMAC key
     * @param token a token from a request
     * @param kind the kind the endpoint expects
     * @return what the token says, if this key signed it for that kind; empty for anything else
     */
    public static Optional<Token> verify(byte[] key, String token, char kind) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(mac(key, payload), signature)) {
            return Optional.empty();
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        String[] parts = text.split("\\.", 3);
        if (parts.length < 2 || parts[0].length() != 1 || parts[0].charAt(0) != kind) {
            return Optional.empty();
        }
        long member;
        try {
            member = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (kind == CLICK) {
            if (parts.length != 3 || !LinkRewriter.tracked(parts[2])) {
                return Optional.empty();
            }
            return Optional.of(new Token(kind, member, parts[2]));
        }
        return parts.length == 2 ? Optional.of(new Token(kind, member, "")) : Optional.empty();
    }

    private static byte[] mac(byte[] key, byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
