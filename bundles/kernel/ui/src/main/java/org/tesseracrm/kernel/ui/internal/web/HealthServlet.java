package org.tesseracrm.kernel.ui.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tesseracrm.kernel.api.module.ModuleRegistry;

/** {@code GET /health}: answers without login, for load balancers and monitoring. */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/health",
        "osgi.http.whiteboard.servlet.name=" + HealthServlet.NAME,
        "osgi.http.whiteboard.context.select=" + ShellContext.SELECT})
public class HealthServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** The whiteboard name of this servlet. */
    public static final String NAME = "tessera-health";

    private final transient ModuleRegistry modules;

    /** @param modules the kernel's module registry */
    @Activate
    public HealthServlet(@Reference ModuleRegistry modules) {
        this.modules = modules;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = HealthJson.render("UP", modules.modules()).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(HttpServletResponse.SC_OK);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
