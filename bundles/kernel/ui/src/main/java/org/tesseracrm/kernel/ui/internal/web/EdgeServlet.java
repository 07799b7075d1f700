package org.tesseracrm.kernel.ui.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.module.HealthIndicator;
import org.tesseracrm.kernel.api.module.HealthStatus;
import org.tesseracrm.kernel.api.module.HealthStatus.State;
import org.tesseracrm.kernel.api.module.InstalledModule;
import org.tesseracrm.kernel.api.module.ModuleRegistry;
import org.tesseracrm.kernel.ui.internal.vaadin.TesseraServlet;

/**
 * The one whiteboard servlet of the web UI's context, at {@code /*}. It needs no other service, so it
 * answers even while the database or the kernel is down: it sets the {@link SecurityHeaders} on every
 * response, answers {@code GET /health} from every registered {@link HealthIndicator}, hands every other
 * request to the Vaadin servlet ({@link TesseraServlet}, a plain service with the kernel services as
 * mandatory references) once that is there, and answers with the {@link MaintenancePage} while it is
 * not, or while a part other than the modules is DOWN.
 *
 * <p>Vaadin is started on the first request it gets, in a fresh copy of the shell initialised with
 * this servlet's configuration, and stopped when its service goes or this servlet is destroyed. One servlet rather than a second one for {@code /health}: Pax Web 11.1.0
 * sometimes left a second whiteboard servlet beside a {@code /*} one unserved after a restart from
 * Karaf's bundle cache.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/*",
        "osgi.http.whiteboard.servlet.name=tessera",
        "osgi.http.whiteboard.servlet.asyncSupported:Boolean=true",
        "osgi.http.whiteboard.context.select=" + ShellContext.SELECT})
public class EdgeServlet extends HttpServlet {
    /** The part of the health report this servlet reports on itself. */
    static final String UI = "user interface";
    /** The part reported while the kernel's module registry is missing. */
    static final String KERNEL = "kernel";
    /** The part the kernel's module health indicator reports; a module that is DOWN leaves the rest usable. */
    static final String MODULES = "modules";

    private static final long serialVersionUID = 1L;
    /** What {@code /api/...} answers while the REST API (feature {@code crm-rest}) is not installed. */
    static final String NO_API = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,"
            + "\"detail\":\"The REST API is not installed on this server. An administrator installs it with "
            + "feature:install crm-rest.\"}";
    private static final Logger LOG = LoggerFactory.getLogger(EdgeServlet.class);

    private final transient Map<HealthIndicator, String> indicators = new ConcurrentHashMap<>();
    private final transient AtomicReference<ModuleRegistry> modules = new AtomicReference<>();
    private final transient AtomicReference<TesseraServlet> shell = new AtomicReference<>();
    /** The initialised servlet made from the bound shell, or null. */
    private transient volatile Running running;
    /** The shell whose {@code init} failed, and why; it is not tried again. */
    private transient volatile TesseraServlet failed;
    private transient volatile String failure = "";

    /** Created by DS; every reference is optional. */
    @Activate
    public EdgeServlet() {
        // all references are dynamic
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindIndicator(HealthIndicator indicator, Map<String, Object> properties) {
        indicators.put(indicator, HealthReport.name(properties));
    }

    void unbindIndicator(HealthIndicator indicator) {
        indicators.remove(indicator);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindModules(ModuleRegistry registry) {
        modules.set(registry);
    }

    void unbindModules(ModuleRegistry registry) {
        modules.compareAndSet(registry, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindShell(TesseraServlet servlet) {
        shell.set(servlet);
    }

    void unbindShell(TesseraServlet servlet) {
        shell.compareAndSet(servlet, null);
        stop(servlet);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        SecurityHeaders.apply(request, response);
        if (HealthEndpoint.PATH.equals(request.getPathInfo())) {
            HealthEndpoint.answer(report(), request, response);
            return;
        }
        if (isApi(request.getPathInfo())) {
            // The API has a context of its own while crm-rest is installed; without it, no page must answer 200.
            byte[] body = NO_API.getBytes(StandardCharsets.UTF_8);
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("application/problem+json");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        TesseraServlet current = shell.get();
        if (current != null && current != failed && !blockedByDownPart()) {
            TesseraServlet servlet = start(current);
            if (servlet != null) {
                servlet.service(request, response);
                return;
            }
        }
        MaintenancePage.answer(report().reason(), request, response);
    }

    /** @return whether the path is the REST API's ({@code /api} or below) */
    static boolean isApi(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    /** @return whether a part other than the modules is DOWN (the database, say): no page could work */
    private boolean blockedByDownPart() {
        return indicators.entrySet().stream().filter(e -> !MODULES.equals(e.getValue()))
                .anyMatch(e -> HealthReport.ask(e.getValue(), e.getKey()).status().state() == State.DOWN);
    }

    /**
     * A servlet made from the bound shell and initialised with this servlet's current configuration.
     *
     * @param shell the bound DS component, the template
     * @param servlet the initialised copy that serves
     */
    private record Running(TesseraServlet shell, TesseraServlet servlet) {
    }

    /** @return a servlet made from the shell and initialised; null if its initialisation failed */
    private TesseraServlet start(TesseraServlet template) {
        Running now = running;
        if (now != null && now.shell() == template) {
            return now.servlet();
        }
        synchronized (this) {
            now = running;
            if (now != null && now.shell() == template) {
                return now.servlet();
            }
            if (now != null) {
                stop(now.shell());
            }
            TesseraServlet servlet = template.fresh();
            try {
                servlet.init(getServletConfig());
            } catch (ServletException | RuntimeException e) {
                LOG.error("The user interface could not start", e);
                failure = String.valueOf(e.getMessage());
                failed = template;
                return null;
            }
            running = new Running(template, servlet);
            return servlet;
        }
    }

    /** Destroys the servlet made from the shell, if it runs. */
    private synchronized void stop(TesseraServlet template) {
        Running now = running;
        if (now != null && now.shell() == template) {
            running = null;
            try {
                now.servlet().destroy();
            } catch (RuntimeException e) {
                LOG.warn("The user interface did not stop cleanly", e);
            }
        }
    }

    /** Pax Web destroys the servlet when the web server's configuration changes, and initialises it again. */
    @Override
    public void destroy() {
        Running now = running;
        if (now != null) {
            stop(now.shell());
        }
        super.destroy();
    }

    /** @return the state of every part, this servlet's own and every indicator's */
    HealthReport report() {
        List<HealthReport.Part> parts = new ArrayList<>();
        indicators.forEach((indicator, name) -> parts.add(HealthReport.ask(name, indicator)));
        parts.add(new HealthReport.Part(UI, uiStatus()));
        ModuleRegistry registry = modules.get();
        List<InstalledModule> installed = List.of();
        if (registry == null) {
            parts.add(new HealthReport.Part(KERNEL, HealthStatus.starting("The kernel's module registry is not running.")));
        } else {
            try {
                installed = registry.modules();
            } catch (RuntimeException e) {
                LOG.warn("The module registry failed", e);
                parts.add(new HealthReport.Part(KERNEL, HealthStatus.down("The module registry failed: " + e)));
            }
        }
        return HealthReport.of(parts, installed);
    }

    private HealthStatus uiStatus() {
        TesseraServlet current = shell.get();
        if (current == null) {
            return HealthStatus.starting("Waiting for the kernel services it needs (sign-in, access control, "
                    + "module registry), which need the database.");
        }
        if (current == failed) {
            return HealthStatus.down("It could not start: " + failure + ". The log (data/log/karaf.log) has the details.");
        }
        return HealthStatus.up();
    }
}
