package org.tesseracrm.kernel.ui.internal.vaadin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.router.InternalServerError;
import com.vaadin.flow.router.RouteNotFoundError;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import com.vaadin.flow.server.startup.ErrorNavigationTargetInitializer;
import com.vaadin.flow.server.startup.LookupServletContainerInitializer;
import com.vaadin.flow.server.startup.RouteRegistryInitializer;
import com.vaadin.flow.server.startup.VaadinAppShellInitializer;
import com.vaadin.flow.server.startup.VaadinInitializerException;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.module.ModuleRegistry;
import org.tesseracrm.kernel.api.security.Authenticator;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.ui.internal.views.AccessGuard;
import org.tesseracrm.kernel.ui.internal.views.ChangePasswordView;
import org.tesseracrm.kernel.ui.internal.views.HomeView;
import org.tesseracrm.kernel.ui.internal.views.LoginView;
import org.tesseracrm.kernel.ui.internal.views.MainLayout;
import org.tesseracrm.kernel.ui.internal.web.HealthEndpoint;
import org.tesseracrm.kernel.ui.internal.web.ShellContext;

/**
 * The one servlet of the web UI's context, registered with the OSGi servlet whiteboard: it answers
 * {@code GET /health} itself and hands everything else to Vaadin. (A second whiteboard servlet for
 * {@code /health} beside this {@code /*} one was sometimes left unserved by Pax Web 11.1.0 after a
 * restart from Karaf's bundle cache.) The whiteboard does no
 * servlet-container-initializer scanning, so Vaadin's initialisers run here with explicit classes;
 * without its Lookup, {@code VaadinServlet.init} would silently do nothing. The thread context class
 * loader is pinned to this bundle, where Vaadin and the prebuilt frontend live.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/*",
        "osgi.http.whiteboard.servlet.name=tessera-vaadin",
        "osgi.http.whiteboard.servlet.asyncSupported:Boolean=true",
        "osgi.http.whiteboard.context.select=" + ShellContext.SELECT,
        "servlet.init.productionMode=true",
        "servlet.init.pushLongPollingSuspendTimeout=30000",
        // an open tab's heartbeat must not keep a session alive past the HTTP session timeout
        "servlet.init.closeIdleSessions=true"})
public class TesseraServlet extends VaadinServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TesseraServlet.class);

    private final transient ViewRegistry views;
    private final transient CallerContext callers;
    private final transient Map<Class<?>, Supplier<?>> shellViews;
    private final transient AccessGuard guard;
    private final transient HealthEndpoint health;
    private transient ApplicationRouteRegistry routes;

    /**
     * @param views the contributed views
     * @param authenticator checks logins
     * @param modules the installed modules, for the home page
     * @param callers binds the logged-in user to each request
     * @param access what the user may see
     */
    @Activate
    public TesseraServlet(@Reference ViewRegistry views, @Reference Authenticator authenticator,
            @Reference ModuleRegistry modules, @Reference CallerContext callers, @Reference AccessControl access) {
        this.views = views;
        this.callers = callers;
        this.health = new HealthEndpoint(modules);
        this.guard = new AccessGuard(views, access, callers);
        this.shellViews = Map.of(
                MainLayout.class, () -> new MainLayout(views, access, callers),
                LoginView.class, () -> new LoginView(authenticator, callers),
                ChangePasswordView.class, () -> new ChangePasswordView(authenticator),
                HomeView.class, () -> new HomeView(modules, access));
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TesseraServlet.class.getClassLoader());
        long start = System.nanoTime();
        try {
            ServletContext context = config.getServletContext();
            new LookupServletContainerInitializer().process(Set.of(LookupInitializer.class), context);
            VaadinServletContext vaadinContext = new VaadinServletContext(context);
            VaadinAppShellInitializer.init(Set.of(TesseraAppShell.class), vaadinContext);
            new ErrorNavigationTargetInitializer().initialize(
                    Set.of(RouteNotFoundError.class, InternalServerError.class), vaadinContext);
            new RouteRegistryInitializer().initialize(Set.of(LoginView.class, ChangePasswordView.class, HomeView.class),
                    vaadinContext);
            super.init(config);
            routes = ApplicationRouteRegistry.getInstance(vaadinContext);
            views.attach(routes);
            LOG.info("Vaadin UI ready in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (VaadinInitializerException e) {
            throw new ServletException("Vaadin could not initialise", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    protected void servletInitialized() throws ServletException {
        super.servletInitialized();
        getService().addSessionInitListener(e -> e.getSession().setErrorHandler(new ShellErrorHandler()));
        getService().addUIInitListener(e -> e.getUI().addBeforeEnterListener(guard));
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration) throws ServiceException {
        VaadinServletService service = new VaadinServletService(this, configuration) {
            private static final long serialVersionUID = 1L;

            @Override
            protected Instantiator createInstantiator() {
                return new ShellInstantiator(this, views, shellViews);
            }

            /** Vaadin's own check does {@code Path.of(url.toURI())}, which fails for {@code bundle:} URLs. */
            @Override
            public URL getStaticResource(String path) {
                try {
                    return getServlet().getServletContext().getResource(path);
                } catch (MalformedURLException e) {
                    return null;
                }
            }
        };
        service.init();
        return service;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (HealthEndpoint.PATH.equals(request.getPathInfo())) {
            health.answer(request, response);
            return;
        }
        Optional<Caller> caller = ShellSession.caller(request);
        try {
            withBundleClassLoader(() -> caller.isPresent()
                    ? callers.callAs(caller.get(), () -> serve(request, response))
                    : serve(request, response));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (ServletRuntimeException e) {
            throw e.servletException;
        }
    }

    private Void serve(HttpServletRequest request, HttpServletResponse response) {
        try {
            super.service(request, response);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new ServletRuntimeException(e);
        }
    }

    @Override
    public void destroy() {
        if (routes != null) {
            views.detach(routes);
        }
        super.destroy();
    }

    private <T> T withBundleClassLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(TesseraServlet.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Carries a checked ServletException through a Supplier. */
    private static final class ServletRuntimeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final ServletException servletException;

        ServletRuntimeException(ServletException e) {
            super(e);
            this.servletException = e;
        }
    }
}
