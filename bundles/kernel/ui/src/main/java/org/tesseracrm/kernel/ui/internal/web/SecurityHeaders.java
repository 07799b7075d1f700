package org.tesseracrm.kernel.ui.internal.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every response of the web UI. The content security policy allows only this
 * origin; Vaadin 24 needs inline styles (Lumo and component styles), inline scripts (the bootstrap
 * page's initial state) and {@code eval} (the client runs server-sent JavaScript through
 * {@code new Function}). Framing is limited to this origin (clickjacking), and HSTS is sent only over
 * TLS, where it cannot lock a plain-HTTP installation out.
 */
public final class SecurityHeaders {
    /** The content security policy. */
    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "media-src 'self' blob:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'");

    private static final Map<String, String> ALWAYS = always();
    private static final String HSTS = "max-age=31536000";

    private SecurityHeaders() {
    }

    private static Map<String, String> always() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Frame-Options", "SAMEORIGIN");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
        return Map.copyOf(headers);
    }

    /**
     * @param secure whether the request came over TLS (directly, or through a proxy whose forwarded
     *     headers Jetty honours)
     * @return the headers to set on the response, by name
     */
    static Map<String, String> forRequest(boolean secure) {
        if (!secure) {
            return ALWAYS;
        }
        Map<String, String> headers = new LinkedHashMap<>(ALWAYS);
        headers.put("Strict-Transport-Security", HSTS);
        return headers;
    }

    /** Sets the headers on a response before anything is written. */
    static void apply(HttpServletRequest request, HttpServletResponse response) {
        forRequest(request.isSecure()).forEach(response::setHeader);
    }
}
