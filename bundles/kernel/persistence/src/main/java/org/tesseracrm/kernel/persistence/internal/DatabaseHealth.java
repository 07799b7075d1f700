package org.tesseracrm.kernel.persistence.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.module.HealthIndicator;
import org.tesseracrm.kernel.api.module.HealthStatus;

/**
 * Health of the CRM database ({@code crm.health.component=database}): DOWN when no DataSource
 * {@code crm} is registered (with the likely cause: a JDBC driver name that no installed driver has),
 * when its configuration is refused ({@link DatabaseLocation}), or when a connection attempt fails,
 * with the driver's message. A successful or failed connection attempt is remembered for
 * {@link #PROBE_EVERY}, so {@code /health} stays cheap.
 *
 * <p>pax-jdbc-config waits silently for a driver with the configured name. So shortly after Karaf has
 * installed its boot features ({@link #GRACE} later, as drivers and pax-jdbc-config start on their own
 * threads), this component also writes an ERROR to the log when the DataSource is still missing.
 */
@Component(immediate = true, service = HealthIndicator.class,
        property = HealthIndicator.COMPONENT + "=" + DatabaseHealth.NAME)
public class DatabaseHealth implements HealthIndicator {
    /** The indicator's name. */
    static final String NAME = "database";
    static final Duration PROBE_EVERY = Duration.ofSeconds(10);
    static final Duration GRACE = Duration.ofSeconds(20);
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseHealth.class);
    private static final String DRIVER_NAME = "osgi.jdbc.driver.name";
    private static final String DATA_SOURCE_FACTORY = "org.osgi.service.jdbc.DataSourceFactory";
    private static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";
    private static final int CONNECT_TIMEOUT_SECONDS = 3;

    private final BundleContext context;
    private final Clock clock;
    private final ServiceTracker<Object, Object> bootFinished;
    private volatile Bound bound;
    private volatile boolean booted;
    private volatile boolean active = true;
    private Instant probedAt = Instant.MIN;
    private HealthStatus probed = HealthStatus.up();

    /** The DataSource and what was decided about its configuration when it came. */
    private record Bound(DataSource dataSource, Object url, Optional<String> refusal) {
    }

    /** @param context this bundle's context: framework properties, drivers, Karaf's boot state */
    @Activate
    public DatabaseHealth(BundleContext context) {
        this(context, Clock.systemUTC());
    }

    DatabaseHealth(BundleContext context, Clock clock) {
        this.context = context;
        this.clock = clock;
        this.bootFinished = new ServiceTracker<>(context, filter("(objectClass=" + BOOT_FINISHED + ")"), null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                // The common pool, not a thread of this bundle's own; nothing to clean up but the flag.
                CompletableFuture.delayedExecutor(GRACE.toSeconds(), TimeUnit.SECONDS).execute(() -> {
                    booted = true;
                    if (active) {
                        reportMissingDataSource();
                    }
                });
                return reference;
            }
        };
        bootFinished.open();
    }

    @Deactivate
    void deactivate() {
        active = false;
        bootFinished.close();
    }

    @Reference(service = DataSource.class, target = ScopedDataSource.POOL_FILTER, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void bindDataSource(DataSource dataSource, Map<String, Object> properties) {
        bound = new Bound(dataSource, properties.get("url"), DatabaseLocation.refusal(properties, context::getProperty));
        forgetProbe();
    }

    void unbindDataSource(DataSource dataSource) {
        Bound current = bound;
        if (current != null && current.dataSource() == dataSource) {
            bound = null;
            forgetProbe();
        }
    }

    @Override
    public HealthStatus status() {
        Bound current = bound;
        if (current == null) {
            return missing(readConfig(), installedDrivers(), booted);
        }
        if (current.refusal().isPresent()) {
            return HealthStatus.down("Tessera refuses to use the configured database: " + current.refusal().get());
        }
        return probe(current);
    }

    private synchronized HealthStatus probe(Bound current) {
        Instant now = clock.instant();
        if (now.isBefore(probedAt.plus(PROBE_EVERY))) {
            return probed;
        }
        HealthStatus result = connect(current.dataSource(), current.url());
        if (result.state() != probed.state()) {
            if (result.state() == HealthStatus.State.UP) {
                LOG.info("The database answers again");
            } else {
                LOG.warn("{}", result.detail());
            }
        }
        probed = result;
        probedAt = now;
        return result;
    }

    /** @return UP if a connection can be had and answers, otherwise DOWN with the driver's message */
    static HealthStatus connect(DataSource dataSource, Object url) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(CONNECT_TIMEOUT_SECONDS) ? HealthStatus.up()
                    : HealthStatus.down("The database at " + url + " did not answer within "
                            + CONNECT_TIMEOUT_SECONDS + " s.");
        } catch (SQLException | RuntimeException e) {
            return HealthStatus.down("Cannot connect to the database at " + url + ": " + SchemaHealth.reason(e)
                    + " Check url, user and password in " + DatabaseLocation.CONFIG_FILE + ".");
        }
    }

    private synchronized void forgetProbe() {
        probedAt = Instant.MIN;
        probed = HealthStatus.up();
    }

    private void reportMissingDataSource() {
        try {
            if (!context.getServiceReferences(DataSource.class, ScopedDataSource.POOL_FILTER).isEmpty()) {
                return; // its configuration and connection are reported where they are used
            }
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        HealthStatus status = missing(readConfig(), installedDrivers(), true);
        if (status.state() == HealthStatus.State.DOWN) {
            LOG.error("{}", status.detail());
        }
    }

    /**
     * Why there is no DataSource {@code crm}.
     *
     * @param config the configuration file's properties as written, if there is one
     * @param drivers the names of the installed JDBC drivers
     * @param booted whether Karaf installed its boot features a while ago (before that, drivers may still come)
     * @return STARTING while booting without a visible cause, otherwise DOWN with the cause
     */
    static HealthStatus missing(Optional<Properties> config, Collection<String> drivers, boolean booted) {
        String installed = drivers.isEmpty() ? "none"
                : drivers.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        if (config.isEmpty()) {
            return booted ? HealthStatus.down("No database connection 'crm' is configured: "
                    + DatabaseLocation.CONFIG_FILE + " is missing.")
                    : HealthStatus.starting("Waiting for the database connection 'crm'.");
        }
        String driver = config.get().getProperty(DRIVER_NAME, "").strip();
        if (driver.isEmpty()) {
            return HealthStatus.down(DatabaseLocation.CONFIG_FILE + " names no JDBC driver: set " + DRIVER_NAME
                    + " (installed drivers: " + installed + ").");
        }
        if (!drivers.contains(driver) && booted) {
            return HealthStatus.down(DatabaseLocation.CONFIG_FILE + " names the JDBC driver '" + driver + "' ("
                    + DRIVER_NAME + "), but no installed driver has that name. Installed drivers: " + installed + ".");
        }
        if (!booted) {
            return HealthStatus.starting("Waiting for the database connection 'crm'.");
        }
        return HealthStatus.down("The database connection 'crm' is not registered although "
                + DatabaseLocation.CONFIG_FILE + " names the installed driver '" + driver
                + "': look for pax-jdbc errors in data/log/karaf.log (a pool setting, the url, user or password).");
    }

    private Optional<Properties> readConfig() {
        String etc = context.getProperty("karaf.etc");
        if (etc == null) {
            return Optional.empty();
        }
        Path file = Path.of(etc, "org.ops4j.datasource-crm.cfg");
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            LOG.debug("Cannot read {}", file, e);
        }
        return Optional.of(properties);
    }

    private Set<String> installedDrivers() {
        Set<String> names = new TreeSet<>();
        try {
            ServiceReference<?>[] factories = context.getServiceReferences(DATA_SOURCE_FACTORY, null);
            for (ServiceReference<?> factory : factories == null ? new ServiceReference<?>[0] : factories) {
                Object name = factory.getProperty(DRIVER_NAME);
                if (name != null) {
                    names.add(name.toString());
                }
            }
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
        return names;
    }

    private org.osgi.framework.Filter filter(String text) {
        try {
            return context.createFilter(text);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
