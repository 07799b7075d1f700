package org.tesseracrm.kernel.ui.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /health}: answers without login, for load balancers and monitoring, with HTTP 200 when
 * the installation is UP and 503 while it is STARTING or DOWN.
 */
final class HealthEndpoint {
    /** Where it answers. */
    static final String PATH = "/health";

    private HealthEndpoint() {
    }

    /** Writes the health document, or 405 for anything but GET and HEAD. */
    static void answer(HealthReport report, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        byte[] body = HealthJson.render(report).getBytes(StandardCharsets.UTF_8);
        response.setStatus(report.httpStatus());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if ("GET".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
