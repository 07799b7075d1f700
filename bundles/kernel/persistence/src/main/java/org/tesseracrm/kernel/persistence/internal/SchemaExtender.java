package org.tesseracrm.kernel.persistence.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;

/**
 * Extender: when a bundle with a {@value MigratedSchema#CHANGELOG_HEADER} header starts, applies its
 * changelog and then registers a {@link MigratedSchema} for it, which the bundle's services wait for.
 * When the bundle stops, the marker goes away again.
 *
 * <p>It refuses a database whose configuration {@link DatabaseLocation} rejects (an unresolved
 * placeholder, embedded Derby outside the installation): then nothing is migrated, no
 * {@code MigratedSchema} appears, so no CRM service starts and nothing writes to that database.
 */
@Component(immediate = true, service = {})
public class SchemaExtender implements BundleTrackerCustomizer<ServiceRegistration<MigratedSchema>> {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaExtender.class);

    private final BundleContext context;
    private final LiquibaseMigrator migrator;
    private final SchemaHealth health;
    private final Optional<BundleTracker<ServiceRegistration<MigratedSchema>>> tracker;

    /**
     * @param context this bundle's context
     * @param dataSource the CRM database with its service properties (its url and configuration file)
     * @param health where migration failures are reported
     */
    @Activate
    public SchemaExtender(BundleContext context,
            @Reference(service = DataSource.class, target = ScopedDataSource.POOL_FILTER)
            Map.Entry<Map<String, Object>, DataSource> dataSource, @Reference SchemaHealth health) {
        this.context = context;
        this.health = health;
        this.migrator = new LiquibaseMigrator(dataSource.getValue());
        Optional<String> refusal = DatabaseLocation.refusal(dataSource.getKey(), context::getProperty);
        if (refusal.isPresent()) {
            LOG.error("Tessera refuses to use the configured database, so no module starts: {}", refusal.get());
            this.tracker = Optional.empty();
            return;
        }
        health.running(true);
        this.tracker = Optional.of(new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, this));
        this.tracker.get().open();
    }

    @Deactivate
    void deactivate() {
        tracker.ifPresent(BundleTracker::close);
        health.running(false);
    }

    @Override
    public ServiceRegistration<MigratedSchema> addingBundle(Bundle bundle, BundleEvent event) {
        String changelog = bundle.getHeaders("").get(MigratedSchema.CHANGELOG_HEADER);
        if (changelog == null) {
            return null;
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null) {
            return null;
        }
        long start = System.nanoTime();
        try {
            migrator.migrate(changelog.trim(), wiring.getClassLoader());
        } catch (Exception e) {
            // The bundle's services stay unsatisfied; scr:info shows the missing MigratedSchema.
            LOG.error("Schema migration {} of bundle {} failed; its services will not start",
                    changelog, bundle.getSymbolicName(), e);
            health.failed(bundle.getSymbolicName(), changelog.trim(), e);
            return null;
        }
        health.cleared(bundle.getSymbolicName());
        LOG.info("Schema of {} is up to date ({}; {} ms)", bundle.getSymbolicName(), changelog,
                (System.nanoTime() - start) / 1_000_000);
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(MigratedSchema.BUNDLE, bundle.getSymbolicName());
        String applied = changelog.trim();
        return context.registerService(MigratedSchema.class, () -> applied, props);
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<MigratedSchema> marker) {
        // STARTING -> ACTIVE needs nothing.
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, ServiceRegistration<MigratedSchema> marker) {
        health.cleared(bundle.getSymbolicName());
        try {
            marker.unregister();
        } catch (IllegalStateException alreadyGone) {
            LOG.debug("Schema marker of {} was already unregistered", bundle.getSymbolicName());
        }
    }
}
