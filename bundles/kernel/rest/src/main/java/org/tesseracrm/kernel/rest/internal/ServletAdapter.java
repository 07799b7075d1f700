package org.tesseracrm.kernel.rest.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.osgitech.rest.annotations.ProvideRuntimeAdapter;
import org.eclipse.osgitech.rest.runtime.JerseyServiceRuntime;
import org.eclipse.osgitech.rest.runtime.WhiteboardServletContainer;
import org.glassfish.jersey.server.ResourceConfig;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.condition.Condition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.Servlet;

/**
 * Puts the Jakarta REST whiteboard (OSGi Technology's, on Jersey) on Pax Web's servlet whiteboard: each
 * whiteboard application becomes a Jersey servlet at its base inside the API context ({@link ApiContext},
 * {@code /api}), reloaded by the whiteboard when resources and extensions come and go, behind the {@link ApiGuard}
 * (bearer tokens, rate limit, read-only tokens), which it needs before it registers anything.
 * <p>
 * It stands in for the project's own adapter ({@code org.eclipse.osgitech.rest.servlet.whiteboard} 1.2.2),
 * which registers its servlets with {@code osgi.http.whiteboard.target=(service.id=<HttpServiceRuntime id>)}:
 * Pax Web 11.1.0 matches that filter against runtime properties without {@code service.id} and skips the
 * servlet ("target runtime not matched"), so nothing under the context ever answered. This adapter selects the
 * context by name instead; the whiteboard itself (applications, resources, extensions, their select filters,
 * the {@code JakartarsServiceRuntime} and its DTOs) is the project's.
 */
@Component(service = {}, immediate = true)
@ProvideRuntimeAdapter("osgi.http")
public class ServletAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ServletAdapter.class);

    private final BundleContext context;
    private final Map<String, ServiceRegistration<Servlet>> servlets = new ConcurrentHashMap<>();
    private final JerseyServiceRuntime<WhiteboardServletContainer> runtime;
    private final ApiGuard guard;

    /**
     * @param context this bundle's context, which registers the servlets
     * @param jersey the whiteboard's "Jersey is usable" condition
     * @param guard authenticates every call and limits its rate: no servlet is registered without it
     */
    @Activate
    public ServletAdapter(BundleContext context,
            @Reference(target = "(osgi.condition.id=jersey.runtime)") Condition jersey, @Reference ApiGuard guard) {
        this.context = context;
        this.guard = guard;
        this.runtime = new JerseyServiceRuntime<>(context, this::register, this::unregister);
        runtime.start(Map.of(
                "osgi.jakartars.endpoint", ApiContext.PATH + "/",
                Constants.SERVICE_DESCRIPTION, "Tessera REST API on the servlet whiteboard"));
    }

    @Deactivate
    void stop() {
        runtime.teardown(5, TimeUnit.SECONDS);
    }

    private WhiteboardServletContainer register(String base, ResourceConfig config) {
        WhiteboardServletContainer container = new WhiteboardServletContainer(config);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", pattern(base));
        props.put("osgi.http.whiteboard.servlet.name", "tessera.api:" + config.getApplicationName());
        props.put("osgi.http.whiteboard.servlet.asyncSupported", Boolean.TRUE);
        props.put("osgi.http.whiteboard.context.select", ApiContext.SELECT);
        ServiceRegistration<Servlet> previous = servlets.put(base,
                context.registerService(Servlet.class, new GuardedServlet(container, guard), props));
        if (previous != null) {
            previous.unregister();
        }
        LOG.debug("REST application {} at {}{}", config.getApplicationName(), ApiContext.PATH, base);
        return container;
    }

    private void unregister(String base, WhiteboardServletContainer container) {
        ServiceRegistration<Servlet> servlet = servlets.remove(base);
        if (servlet != null) {
            try {
                servlet.unregister();
            } catch (IllegalStateException alreadyGone) {
                // this bundle is stopping: the framework unregistered it
            }
        }
        container.dispose();
    }

    /** @return the servlet pattern of an application base: {@code /} → {@code /*}, {@code /v2} → {@code /v2/*} */
    static String pattern(String base) {
        String path = base.startsWith("/") ? base : "/" + base;
        return path.endsWith("/") ? path + "*" : path + "/*";
    }
}
