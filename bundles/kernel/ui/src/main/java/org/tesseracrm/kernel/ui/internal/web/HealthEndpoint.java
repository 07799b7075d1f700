package org.tesseracrm.kernel.ui.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.tesseracrm.kernel.api.module.ModuleRegistry;

/** {@code GET /health}: answers without login, for load balancers and monitoring. */
public final class HealthEndpoint {
    /** Where it answers. */
    public static final String PATH = "/health";

    private final ModuleRegistry modules;

    /** @param modules the kernel's module registry */
    public HealthEndpoint(ModuleRegistry modules) {
        this.modules = modules;
    }

    /** Writes the health document, or 405 for anything but GET and HEAD. */
    public void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        byte[] body = HealthJson.render("UP", modules.modules()).getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        if ("GET".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }
}
