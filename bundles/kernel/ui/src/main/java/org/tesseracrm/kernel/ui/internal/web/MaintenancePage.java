package org.tesseracrm.kernel.ui.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jsoup.nodes.Entities;

/**
 * The page every request gets while the user interface cannot run (database down, kernel services
 * missing): HTTP 503 with the reason /health gives, and a hint to retry. Plain HTML with no script and
 * no external resource, so it needs nothing that may be broken.
 */
final class MaintenancePage {
    /** Seconds after which a client may retry. */
    static final int RETRY_AFTER = 30;

    private MaintenancePage() {
    }

    static void answer(String reason, HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = html(reason).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(RETRY_AFTER));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    static String html(String reason) {
        String why = reason.isBlank() ? "it is starting." : Entities.escape(reason);
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Tessera is unavailable</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:40em;margin:4em auto;padding:0 1em;"
                + "color:#1a1a1a}h1{font-size:1.5em}p.reason{background:#f4f4f4;padding:.75em 1em;"
                + "border-radius:4px}</style></head><body id=\"tessera-maintenance\">"
                + "<h1>Tessera is unavailable</h1>"
                + "<p class=\"reason\">Tessera is unavailable: " + why + "</p>"
                + "<p>Your data is safe. Please try again in a minute; if this page stays, tell your administrator "
                + "(details: <a href=\"health\">health</a>).</p></body></html>";
    }
}
