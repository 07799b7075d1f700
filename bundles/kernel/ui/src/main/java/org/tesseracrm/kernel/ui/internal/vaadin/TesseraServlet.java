package org.tesseracrm.kernel.ui.internal.vaadin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.LookupInitializer;
import com.vaadin.flow.function.DeploymentConfiguration;
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
import org.tesseracrm.kernel.api.record.RecordTypes;
import org.tesseracrm.kernel.api.security.ApiTokens;
import org.tesseracrm.kernel.api.security.Authenticator;
import org.tesseracrm.kernel.api.security.AccessControl;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.security.UserSettings;
import org.tesseracrm.kernel.ui.internal.shared.ShellSession;
import org.tesseracrm.kernel.ui.internal.views.AccessGuard;
import org.tesseracrm.kernel.ui.internal.views.ChangePasswordView;
import org.tesseracrm.kernel.ui.internal.home.HomeSectionRegistry;
import org.tesseracrm.kernel.ui.internal.views.HomeView;
import org.tesseracrm.kernel.ui.internal.views.LoginView;
import org.tesseracrm.kernel.ui.internal.views.ProfileView;
import org.tesseracrm.kernel.ui.internal.views.MainLayout;
import org.tesseracrm.kernel.ui.internal.views.InternalErrorView;
import org.tesseracrm.kernel.ui.internal.views.NotFoundView;

/**
 * The Vaadin servlet of the web UI. It is not a whiteboard servlet: it is a service with the kernel
 * services as mandatory references, and the web context's one whiteboard servlet
 * ({@link org.tesseracrm.kernel.ui.internal.web.EdgeServlet}) initialises it and hands it every request
 * but {@code /health} while it is there, and shows a maintenance page while it is not. A page request
 * for a path that is no route answers HTTP 404 (the page itself, {@link NotFoundView}, is drawn by
 * Vaadin in the shell). The whiteboard does no
 * servlet-container-initializer scanning, so Vaadin's initialisers run here with explicit classes;
 * without its Lookup, {@code VaadinServlet.init} would silently do nothing. The thread context class
 * loader is pinned to a {@link ShellClassLoader}: the Vaadin bundle, where Vaadin and the prebuilt
 * frontend live, then this bundle.
 */
@Component(service = TesseraServlet.class)
public class TesseraServlet extends VaadinServlet {
    /** Vaadin's settings, as init parameters. */
    static final Map<String, String> INIT_PARAMETERS = Map.of(
            "productionMode", "true",
            "pushLongPollingSuspendTimeout", "30000",
            // an open tab's heartbeat must not keep a session alive past the HTTP session timeout
            "closeIdleSessions", "true");

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TesseraServlet.class);

    private final transient ViewRegistry views;
    private final transient CallerContext callers;
    private final transient Map<Class<?>, Supplier<?>> shellViews;
    private final transient AccessGuard guard;
    private final transient ClassLoader loader;
    private transient ApplicationRouteRegistry routes;

    /**
     * @param views the contributed views
     * @param authenticator checks logins
     * @param modules the installed modules, for the home page
     * @param callers binds the logged-in user to each request
     * @param access what the user may see
     * @param settings the users' time zones and locales
     * @param tokens the users' API tokens, for My profile
     * @param types the installed record types, which a token may be limited to
     * @param sections the Home page's sections
     */
    @Activate
    public TesseraServlet(@Reference ViewRegistry views, @Reference Authenticator authenticator,
            @Reference ModuleRegistry modules, @Reference CallerContext callers, @Reference AccessControl access,
            @Reference UserSettings settings, @Reference ApiTokens tokens, @Reference RecordTypes types,
            @Reference HomeSectionRegistry sections) {
        this.views = views;
        this.callers = callers;
        this.guard = new AccessGuard(views, access, callers);
        this.loader = ShellClassLoader.create();
        this.shellViews = Map.of(
                MainLayout.class, () -> new MainLayout(views, access, callers),
                LoginView.class, () -> new LoginView(authenticator, callers, settings),
                ProfileView.class, () -> new ProfileView(settings, tokens, types, access),
                ChangePasswordView.class, () -> new ChangePasswordView(authenticator),
                HomeView.class, () -> new HomeView(modules, access, callers, sections));
    }

    /** A servlet with the same services as the template, not initialised yet. */
    private TesseraServlet(TesseraServlet template) {
        this.views = template.views;
        this.callers = template.callers;
        this.guard = template.guard;
        this.shellViews = template.shellViews;
        this.loader = template.loader;
    }

    /**
     * The DS component is a template: a VaadinServlet cannot be initialised again after
     * {@code destroy} (its service stays destroyed, and a new {@code ServletConfig} is refused), and
     * Pax Web destroys and initialises the web context's servlets whenever its configuration changes.
     *
     * @return a new servlet with this one's services, to be initialised with the current configuration
     */
    public TesseraServlet fresh() {
        return new TesseraServlet(this);
    }

    @Override
    public void init(ServletConfig edgeConfig) throws ServletException {
        ServletConfig config = withInitParameters(edgeConfig);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        long start = System.nanoTime();
        try {
            ServletContext context = config.getServletContext();
            new LookupServletContainerInitializer().process(Set.of(LookupInitializer.class), context);
            VaadinServletContext vaadinContext = new VaadinServletContext(context);
            VaadinAppShellInitializer.init(Set.of(TesseraAppShell.class), vaadinContext);
            new ErrorNavigationTargetInitializer().initialize(
                    Set.of(NotFoundView.class, InternalErrorView.class), vaadinContext);
            new RouteRegistryInitializer().initialize(Set.of(LoginView.class, ChangePasswordView.class, HomeView.class,
                    ProfileView.class),
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

            /**
             * Vaadin's servlet service takes the servlet context's class loader, which under the whiteboard is
             * this bundle's alone; StaticFileServer reads the prebuilt frontend through it, and that lives
             * in the Vaadin bundle.
             */
            @Override
            protected void setDefaultClassLoader() {
                setClassLoader(loader);
            }

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
        if (routes != null && PageRequests.isPageLoad(request)
                && !routes.getNavigationRouteTarget(PageRequests.route(request)).hasTarget()) {
            // Vaadin answers 200 with the page that then shows NotFoundView; the status is ours to set.
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        Optional<Caller> caller = ShellSession.caller(request);
        HttpServletRequest served = LongPollRequest.isPush(request) ? new LongPollRequest(request) : request;
        try {
            withBundleClassLoader(() -> caller.isPresent()
                    ? callers.callAs(caller.get(), () -> serve(served, response))
                    : serve(served, response));
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

    /** @return the edge's configuration with Vaadin's settings */
    private static ServletConfig withInitParameters(ServletConfig edge) {
        return new ServletConfig() {
            @Override
            public String getServletName() {
                return edge.getServletName(); // Vaadin reads the mapping of the registration of this name
            }

            @Override
            public ServletContext getServletContext() {
                return edge.getServletContext();
            }

            @Override
            public String getInitParameter(String name) {
                String value = INIT_PARAMETERS.get(name);
                return value != null ? value : edge.getInitParameter(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                Set<String> names = new HashSet<>(INIT_PARAMETERS.keySet());
                names.addAll(Collections.list(edge.getInitParameterNames()));
                return Collections.enumeration(names);
            }
        };
    }

    private <T> T withBundleClassLoader(Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
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
