package org.tesseracrm.campaigns.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.campaigns.internal.service.CampaignsConfig;
import org.tesseracrm.campaigns.internal.service.RateLimiter;
import org.tesseracrm.campaigns.internal.service.Tracker;
import org.tesseracrm.campaigns.internal.service.TrackingLinks;
import org.tesseracrm.email.api.Suppressions;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
import org.tesseracrm.kernel.api.persistence.TransactionScope;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.Secrets;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The public tracking endpoints of campaign mail, without login:
 * <ul>
 * <li>{@code GET /t/o/<token>.gif}: always the 1×1 GIF; a valid token records an open;</li>
 * <li>{@code GET /t/c/<token>}: a valid token records a click and redirects (302) to the link's address it signs;
 * anything else answers 400 "This link is not valid" and redirects nowhere;</li>
 * <li>{@code GET /t/u/<token>} shows a confirmation page, {@code POST} unsubscribes the address (also the one-click
 * POST of RFC 8058 from the {@code List-Unsubscribe} header).</li>
 * </ul>
 * They reveal nothing (an unknown member answers as a forged token; no page names the address), set no cookie and
 * create no session, and are rate-limited per client address ({@link RateLimiter}: 429 when over).
 */
@Component(service = Servlet.class, configurationPid = CampaignsConfig.PID, property = {
        "osgi.http.whiteboard.servlet.pattern=/*",
        "osgi.http.whiteboard.servlet.name=tessera.campaigns.tracking",
        "osgi.http.whiteboard.context.select=" + TrackingContext.SELECT })
public class TrackingServlet extends HttpServlet {
    /** The 1×1 transparent GIF. */
    static final byte[] PIXEL = {0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, (byte) 0x80, 0x00, 0x00,
        0x00, 0x00, 0x00, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x21, (byte) 0xf9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00,
        0x2c, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3b};
    static final String NOT_VALID = "This link is not valid";
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TrackingServlet.class);
    private static final int MAX_CLIENTS = 10_000;

    private final transient Tracker tracker;
    private final transient RateLimiter limiter;
    private transient volatile EventAdmin events;

    /**
     * @param scope the transactions
     * @param callers runs the recording as the system
     * @param suppressions where unsubscribes go
     * @param secrets opens the tracking key
     * @param schema the module's tables
     * @param config the rate limit and public address
     */
    @Activate
    public TrackingServlet(@Reference TransactionScope scope, @Reference CallerContext callers,
            @Reference Suppressions suppressions, @Reference Secrets secrets,
            @Reference(target = "(" + MigratedSchema.BUNDLE + "=org.tesseracrm.campaigns)") MigratedSchema schema,
            CampaignsConfig config) {
        this.tracker = new Tracker(scope, callers, suppressions, new TrackingLinks(scope, secrets, config),
                () -> events);
        this.limiter = new RateLimiter(Math.max(1, config.burst()), Math.max(1, config.perSecond()), MAX_CLIENTS,
                System::nanoTime);
    }

    /** @param admin where the tracking events go */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEvents(EventAdmin admin) {
        this.events = admin;
    }

    void unsetEvents(EventAdmin admin) {
        if (events == admin) {
            events = null;
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Robots-Tag", "noindex");
        String method = request.getMethod();
        boolean post = "POST".equals(method);
        if (!"GET".equals(method) && !"HEAD".equals(method) && !post) {
            response.setHeader("Allow", "GET, POST");
            text(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method not allowed");
            return;
        }
        if (!limiter.allow(String.valueOf(request.getRemoteAddr()))) {
            response.setHeader("Retry-After", "1");
            text(response, 429, "Too many requests: try again in a moment");
            return;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        try {
            if (path.startsWith("/o/") && !post) {
                pixel(path.substring(3), response);
            } else if (path.startsWith("/c/") && !post) {
                click(path.substring(3), response);
            } else if (path.startsWith("/u/")) {
                unsubscribe(path.substring(3), post, response);
            } else {
                text(response, HttpServletResponse.SC_NOT_FOUND, "Not found");
            }
        } catch (RuntimeException e) {
            LOG.warn("A tracking request failed: {}", e.toString());
            if (path.startsWith("/o/")) {
                gif(response);
            } else {
                text(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Please try again later");
            }
        }
    }

    private void pixel(String rest, HttpServletResponse response) throws IOException {
        String token = rest.endsWith(".gif") ? rest.substring(0, rest.length() - 4) : rest;
        try {
            tracker.open(token);
        } catch (RuntimeException e) {
            LOG.warn("An open was not recorded: {}", e.toString());
        }
        gif(response);
    }

    private static void gif(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("image/gif");
        response.setContentLength(PIXEL.length);
        response.getOutputStream().write(PIXEL);
    }

    private void click(String token, HttpServletResponse response) throws IOException {
        Optional<String> url = tracker.click(token);
        if (url.isEmpty()) {
            page(response, HttpServletResponse.SC_BAD_REQUEST, NOT_VALID,
                    "The address may have been cut or changed. Nothing was opened.", false);
            return;
        }
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", url.get());
        response.setContentLength(0);
    }

    private void unsubscribe(String token, boolean post, HttpServletResponse response) throws IOException {
        if (post) {
            if (tracker.unsubscribe(token)) {
                page(response, HttpServletResponse.SC_OK, "You are unsubscribed",
                        "You will not get our campaign e-mails any more.", false);
            } else {
                page(response, HttpServletResponse.SC_BAD_REQUEST, NOT_VALID, "Nothing was changed.", false);
            }
        } else if (tracker.valid(token)) {
            page(response, HttpServletResponse.SC_OK, "Unsubscribe",
                    "Do you want to stop getting our campaign e-mails?", true);
        } else {
            page(response, HttpServletResponse.SC_BAD_REQUEST, NOT_VALID, "Nothing was changed.", false);
        }
    }

    private static void text(HttpServletResponse response, int status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** A page of fixed texts (nothing from the request is written into it). */
    private static void page(HttpServletResponse response, int status, String title, String message, boolean form)
            throws IOException {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width\"><meta name=\"robots\" content=\"noindex\"><title>" + title
                + "</title></head><body style=\"font-family:sans-serif;max-width:32em;margin:3em auto;padding:0 1em\">"
                + "<h1 style=\"font-size:1.4em\">" + title + "</h1><p>" + message + "</p>"
                + (form ? "<form method=\"post\"><button type=\"submit\" id=\"unsubscribe\">Unsubscribe</button></form>"
                        : "")
                + "</body></html>";
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType("text/html;charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
