package org.tesseracrm.distribution;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.tesseracrm.kernel.api.CrmException;
import org.tesseracrm.kernel.api.record.RecordQuery;
import org.tesseracrm.kernel.api.record.Records;
import org.tesseracrm.kernel.api.security.Caller;
import org.tesseracrm.kernel.api.security.CallerContext;
import org.tesseracrm.kernel.api.ui.ViewContribution;

/** Pax Exam options that boot the real Tessera distribution on free ports. */
final class PaxExamSupport {

    /** System property that carries the HTTP port into the container. */
    static final String HTTP_PORT_PROPERTY = "tessera.it.httpPort";
    private static final String DATASOURCE = "etc/org.ops4j.datasource-crm.cfg";
    private static final String TIMERS = "etc/org.tesseracrm.kernel.timers.cfg";

    private PaxExamSupport() {
    }

    static Option[] distribution(int httpPort, Option... extra) throws IOException {
        return OptionUtils.combine(new Option[] {
                karafDistributionConfiguration()
                        .frameworkUrl(new File(System.getProperty("tessera.distribution")).toURI().toString())
                        .karafVersion(System.getProperty("karaf.version"))
                        .name("Tessera CRM")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                keepRuntimeFolder(), // target/exam/<id>/data/log/karaf.log stays for diagnosis
                logLevel(LogLevel.INFO),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(httpPort)),
                // durable timers: look often and retry soon, so timer tests wait fractions of a second
                editConfigurationFilePut(TIMERS, "pollMillis", "200"),
                editConfigurationFilePut(TIMERS, "maxAttempts", "3"),
                editConfigurationFilePut(TIMERS, "retryDelayMillis", "200"),
                // @Inject waits for its service up to this long (Pax Exam's default, 10 s, was once too
                // short for the first boot of a run on a loaded CI machine)
                systemProperty("pax.exam.service.timeout").value("120000"),
                // the probe runs inside the container and must reach the same port
                systemProperty(HTTP_PORT_PROPERTY).value(String.valueOf(httpPort)),
        }, extra);
    }

    /**
     * Points the distribution at PostgreSQL by editing its DataSource configuration, as an admin
     * would, at a new database {@code tessera_it_<calling class, lower case>} (dropped first if a run left it).
     * Connection from the system properties {@code tessera.it.pg.url} (the server's database to connect to for
     * that), {@code .user} and {@code .password}, by default
     * {@code jdbc:postgresql://127.0.0.1:5432/tessera_it} as tessera/tessera, who may create databases
     * ({@code .ci/postgres}).
     */
    static Option[] postgres() {
        String server = System.getProperty("tessera.it.pg.url", "jdbc:postgresql://127.0.0.1:5432/tessera_it");
        String user = System.getProperty("tessera.it.pg.user", "tessera");
        String password = System.getProperty("tessera.it.pg.password", "tessera");
        // A database of its own for each test class, made afresh: JUnit Platform discovers every class (and so
        // calls every @Configuration) before the first runs, so one database emptied here was shared by all
        // classes, and what one left (an assignment rule, an approval process) changed the next ones' results.
        String database = "tessera_it_" + StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .getCallerClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + server + " as " + user
                    + " or may not create databases: start it as .ci/run does (" + e.getMessage() + ")", e);
        }
        String url = server.substring(0, server.lastIndexOf('/') + 1) + database;
        return new Option[] {
                editConfigurationFilePut(DATASOURCE, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"),
                editConfigurationFilePut(DATASOURCE, "url", url + "?reWriteBatchedInserts=true&prepareThreshold=0"),
                editConfigurationFilePut(DATASOURCE, "user", user),
                editConfigurationFilePut(DATASOURCE, "password", password)};
    }

    /** @return whether the condition held within 30 seconds, polled every 50 ms */
    static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        return eventually(30, condition);
    }

    /** @return whether the condition held within the given seconds, polled every 50 ms */
    static boolean eventually(int seconds, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /**
     * Waits (up to two minutes) until Karaf has installed its boot features and every started bundle with a schema
     * changelog has its schema migrated. A test that starts as soon as its own services come runs beside the other
     * boot modules' Liquibase changes, and Derby then answered a contact create or delete with an internal error
     * (RecordPlatformIT t12/t13, now and then).
     *
     * @throws AssertionError if they are not done by then, naming the bundles still migrating
     */
    static void awaitBootSchemas(BundleContext context) throws InterruptedException {
        if (!eventually(120, () -> context.getServiceReference(org.apache.karaf.features.BootFinished.class) != null)) {
            throw new AssertionError("Karaf did not finish installing its boot features within two minutes");
        }
        if (!eventually(120, () -> unmigrated(context).isEmpty())) {
            throw new AssertionError("schemas not migrated within two minutes: " + unmigrated(context));
        }
    }

    private static Set<String> unmigrated(BundleContext context) {
        Set<String> waiting = new HashSet<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() == Bundle.ACTIVE && bundle.getHeaders("")
                    .get(org.tesseracrm.kernel.api.persistence.MigratedSchema.CHANGELOG_HEADER) != null) {
                waiting.add(bundle.getSymbolicName());
            }
        }
        try {
            ServiceReference<?>[] migrated = context.getAllServiceReferences(
                    org.tesseracrm.kernel.api.persistence.MigratedSchema.class.getName(), null);
            for (ServiceReference<?> ref : migrated == null ? new ServiceReference<?>[0] : migrated) {
                waiting.remove(String.valueOf(ref.getProperty(org.tesseracrm.kernel.api.persistence.MigratedSchema.BUNDLE)));
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return waiting;
    }

    /**
     * @param callers the container's caller context
     * @param records the record platform
     * @param type a record type id
     * @return whether the admin can read a page of the type: its module is there and its table migrated
     */
    static boolean typeReady(CallerContext callers, Records records, String type) {
        try {
            callers.callAs(new Caller("admin"), () -> records.page(type, RecordQuery.page(0, 1)));
            return true;
        } catch (CrmException e) {
            return false;
        }
    }

    /**
     * @return a service, waited for up to two minutes (a module's service may come after the probe starts)
     * @throws AssertionError if it does not come
     */
    static <T> T waitFor(BundleContext context, Class<T> type) throws InterruptedException {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(120_000);
            if (service == null) {
                throw new AssertionError(type.getSimpleName() + " did not come within two minutes");
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    /** @return the first service registered under the class name, waited for up to two minutes */
    static Object newService(BundleContext context, String className) throws InterruptedException {
        if (!eventually(120, () -> reference(context, className) != null)) {
            throw new AssertionError(className + " did not come back within two minutes");
        }
        return context.getService(reference(context, className));
    }

    private static ServiceReference<?> reference(BundleContext context, String className) {
        try {
            ServiceReference<?>[] refs = context.getAllServiceReferences(className, null);
            return refs == null || refs.length == 0 ? null : refs[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** @return the view contribution of a route, or null if none is registered */
    static ServiceReference<ViewContribution> viewReference(BundleContext context, String route) {
        try {
            return context.getServiceReferences(ViewContribution.class, "(" + ViewContribution.ROUTE + "=" + route + ")")
                    .stream().findFirst().orElse(null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** @return how many services the bundles of that symbolic name have registered */
    static int servicesOf(BundleContext context, String symbolicName) {
        int count = 0;
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName()) && bundle.getRegisteredServices() != null) {
                count += bundle.getRegisteredServices().length;
            }
        }
        return count;
    }

    /** @return whether a bundle of that symbolic name is installed */
    static boolean bundleInstalled(BundleContext context, String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return true;
            }
        }
        return false;
    }

    /** Calls a method found by reflection (on a class of a bundle the probe does not import), unchecked. */
    static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** @return a free port, for static initialisers of test classes */
    static int freePortOrFail() {
        try {
            return freePort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return the distribution's HTTP port, the same in the test JVM (a free port) and in the container
     *     (the one the test JVM passed as {@link #HTTP_PORT_PROPERTY}), for a static field of a test class
     */
    static int httpPortOrFail() {
        String passed = System.getProperty(HTTP_PORT_PROPERTY);
        return passed != null ? Integer.parseInt(passed) : freePortOrFail();
    }

    /**
     * Uninstalls a feature and, first, every installed feature that needs it (quotes need products): Karaf keeps a
     * feature's bundles while another installed feature requires them, as an admin disabling a module finds.
     *
     * @return the features uninstalled, in the order to install them back (the feature first, when it was installed
     *     for itself)
     */
    static List<String> uninstallWithDependents(FeaturesService features, String name) throws Exception {
        List<String> dependents = new ArrayList<>();
        for (Feature installed : features.listInstalledFeatures()) {
            if (!installed.getName().equals(name) && needs(features, installed, name, new HashSet<>())) {
                dependents.add(installed.getName());
            }
        }
        for (String dependent : dependents) {
            features.uninstallFeature(dependent, EnumSet.noneOf(FeaturesService.Option.class));
        }
        List<String> back = new ArrayList<>();
        // a feature only the dependents brought (crm-pdf for crm-quotes) left with them and is not a root to remove
        boolean root = false;
        for (Feature required : features.listRequiredFeatures()) {
            root |= required.getName().equals(name);
        }
        if (root) {
            features.uninstallFeature(name, EnumSet.noneOf(FeaturesService.Option.class));
            back.add(name);
        }
        back.addAll(dependents);
        return back;
    }

    /** Installs features back, in order. */
    static void install(FeaturesService features, List<String> names) throws Exception {
        for (String name : names) {
            features.installFeature(name, EnumSet.noneOf(FeaturesService.Option.class));
        }
    }

    private static boolean needs(FeaturesService features, Feature feature, String name, Set<String> seen)
            throws Exception {
        for (Dependency dependency : feature.getDependencies()) {
            if (dependency.getName().equals(name)) {
                return true;
            }
            Feature next = features.getFeature(dependency.getName());
            if (next != null && seen.add(next.getName()) && needs(features, next, name, seen)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs a Karaf shell command in a session of its own, on a thread of its own (at most 30 s).
     *
     * @param shell the container's shell sessions
     * @param command the command line
     * @return what the command printed, or the message of the exception it failed with
     */
    static String shellOrError(org.apache.karaf.shell.api.console.SessionFactory shell, String command) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8);
        java.util.concurrent.ExecutorService thread = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (org.apache.karaf.shell.api.console.Session session = shell.create(System.in, out, out)) {
            thread.submit(() -> session.execute(command)).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            out.println(e.getCause());
        } catch (Exception e) {
            out.println(e);
        } finally {
            thread.shutdownNow();
        }
        out.flush();
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * An API call from the probe with {@code HttpURLConnection} (a {@code java.net.http} client would leave threads of
     * its own in the container).
     *
     * @param method GET, POST, PUT, DELETE...
     * @param url the whole URL
     * @param bearer an API token's secret
     * @param json the body, or null for none
     * @return the status and the body; "-1" and the exception when the call could not be made
     */
    static String[] apiCall(String method, String url, String bearer, String json) {
        try {
            java.net.HttpURLConnection connection = (java.net.HttpURLConnection) java.net.URI.create(url).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setRequestProperty("Authorization", "Bearer " + bearer);
            connection.setRequestProperty("Accept", "application/json");
            if (json != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                connection.getOutputStream().write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } else if (method.equals("POST")) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(0);
            }
            int status = connection.getResponseCode();
            java.io.InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String body = in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            connection.disconnect();
            return new String[] {Integer.toString(status), body};
        } catch (IOException e) {
            return new String[] {"-1", e.toString()};
        }
    }
}
