package org.tesseracrm.kernel.rest.internal.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.rest.internal.ApiContext;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API explorer at {@code /api/docs/}: Swagger UI (from its webjar, copied into this bundle at build time; no CDN)
 * with a page of ours that asks for a personal API token, loads {@code /api/v1/openapi.json} with it and authorises
 * Swagger UI's calls with it. Only these static files are served here, without a token (the document and every call
 * still need one), under a Content Security Policy that allows scripts and connections to this server only: the
 * page has no inline script (its initializer is {@code docs.js}); Swagger UI needs inline styles and data: images.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=" + ApiDocsServlet.PATTERN,
        "osgi.http.whiteboard.servlet.name=tessera.api.docs",
        "osgi.http.whiteboard.context.select=" + ApiContext.SELECT })
public class ApiDocsServlet extends HttpServlet {
    /** The servlet's pattern in the API context: {@code /api/docs/...}. */
    static final String PATTERN = "/docs/*";
    /** The page's Content Security Policy. */
    static final String POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:; "
            + "style-src 'self' 'unsafe-inline'; font-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'";
    private static final long serialVersionUID = 1L;
    private static final String FOLDER = "api-docs/";
    /** The files served, with their media types: nothing else of the bundle is reachable. */
    private static final Map<String, String> FILES = Map.of(
            "index.html", "text/html;charset=utf-8",
            "docs.js", "text/javascript;charset=utf-8",
            "docs.css", "text/css;charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript;charset=utf-8",
            "swagger-ui.css", "text/css;charset=utf-8",
            "favicon-32x32.png", "image/png");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(request.getContextPath() + request.getServletPath() + "/");
            return;
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        String type = FILES.get(name);
        URL file = type == null ? null : ApiDocsServlet.class.getClassLoader().getResource(FOLDER + name);
        securityHeaders(response);
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(type);
        response.setHeader("Cache-Control", name.startsWith("swagger-ui") || name.endsWith(".png")
                ? "public, max-age=86400" : "no-cache");
        try (InputStream in = file.openStream()) {
            in.transferTo(response.getOutputStream());
        }
    }

    static void securityHeaders(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Frame-Options", "DENY");
    }
}
