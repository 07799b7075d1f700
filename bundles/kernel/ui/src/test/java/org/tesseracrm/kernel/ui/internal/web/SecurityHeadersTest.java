package org.tesseracrm.kernel.ui.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private static List<String> directives() {
        return Arrays.stream(SecurityHeaders.CONTENT_SECURITY_POLICY.split(";")).map(String::strip).toList();
    }

    @Test
    void allowsOnlyThisOriginToLoadAndFrame() {
        assertTrue(directives().contains("default-src 'self'"));
        assertTrue(directives().contains("frame-ancestors 'self'"));
        assertTrue(directives().contains("object-src 'none'"));
        assertTrue(directives().contains("connect-src 'self'"));
        assertFalse(SecurityHeaders.CONTENT_SECURITY_POLICY.contains("*"), "no wildcard source");
    }

    @Test
    void allowsWhatVaadinNeedsAndNoMore() {
        // inline styles (Lumo), inline bootstrap script and eval (executeJs) are what Vaadin 24 needs
        assertTrue(directives().contains("script-src 'self' 'unsafe-inline' 'unsafe-eval'"));
        assertTrue(directives().contains("style-src 'self' 'unsafe-inline'"));
    }

    @Test
    void setsTheClassicHeadersOnEveryResponse() {
        Map<String, String> headers = SecurityHeaders.forRequest(false);
        assertEquals("SAMEORIGIN", headers.get("X-Frame-Options"));
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("strict-origin-when-cross-origin", headers.get("Referrer-Policy"));
        assertEquals(SecurityHeaders.CONTENT_SECURITY_POLICY, headers.get("Content-Security-Policy"));
    }

    @Test
    void sendsHstsOnlyOverTls() {
        assertFalse(SecurityHeaders.forRequest(false).containsKey("Strict-Transport-Security"));
        assertEquals("max-age=31536000", SecurityHeaders.forRequest(true).get("Strict-Transport-Security"));
    }
}
