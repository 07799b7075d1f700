package org.tesseracrm.campaigns.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TrackingTokensTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aSignedTokenSaysItsMemberAndUrl() {
        String click = TrackingTokens.sign(KEY, TrackingTokens.CLICK, 42, "https://example.com/a.b?x=1");
        assertTrue(click.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}"), click);
        assertEquals(Optional.of(new TrackingTokens.Token('c', 42, "https://example.com/a.b?x=1")),
                TrackingTokens.verify(KEY, click, TrackingTokens.CLICK));
        String open = TrackingTokens.sign(KEY, TrackingTokens.OPEN, 7, "");
        assertEquals(Optional.of(new TrackingTokens.Token('o', 7, "")),
                TrackingTokens.verify(KEY, open, TrackingTokens.OPEN));
    }

    @Test
    void tamperedForgedOrMisusedTokensAreRefused() {
        String click = TrackingTokens.sign(KEY, TrackingTokens.CLICK, 42, "https://example.com/");
        int dot = click.indexOf('.');
        // another address with the old signature
        String evil = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "c.42.https://evil.example/".getBytes(StandardCharsets.UTF_8)) + click.substring(dot);
        assertEquals(Optional.empty(), TrackingTokens.verify(KEY, evil, TrackingTokens.CLICK));
        // a changed signature
        char last = click.charAt(click.length() - 1);
        String flipped = click.substring(0, click.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertEquals(Optional.empty(), TrackingTokens.verify(KEY, flipped, TrackingTokens.CLICK));
        // signed with another key
        assertEquals(Optional.empty(), TrackingTokens.verify(OTHER, click, TrackingTokens.CLICK));
        // an open token is not an unsubscribe token
        String open = TrackingTokens.sign(KEY, TrackingTokens.OPEN, 42, "");
        assertEquals(Optional.empty(), TrackingTokens.verify(KEY, open, TrackingTokens.UNSUBSCRIBE));
        // a click token signed for a non-http address is refused
        String js = TrackingTokens.sign(KEY, TrackingTokens.CLICK, 42, "javascript:alert(1)");
        assertEquals(Optional.empty(), TrackingTokens.verify(KEY, js, TrackingTokens.CLICK));
        for (String junk : new String[] {"", ".", "abc", "a.b.c", "!!!.???", "x".repeat(5000), null}) {
            assertEquals(Optional.empty(), TrackingTokens.verify(KEY, junk, TrackingTokens.CLICK), junk);
        }
    }
}
