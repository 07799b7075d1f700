package org.tesseracrm.kernel.persistence.internal;

import java.util.Dictionary;
import java.util.Hashtable;

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
 */
@Component(immediate = true, service = {})
public class SchemaExtender implements BundleTrackerCustomizer<ServiceRegistration<MigratedSchema>> {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaExtender.class);

    private final BundleContext context;
    private final LiquibaseMigrator migrator;
    private final BundleTracker<ServiceRegistration<MigratedSchema>> tracker;

    /**
     * @param context this bundle's context
     * @param dataSource the CRM database
     */
    @Activate
    public SchemaExtender(BundleContext context,
            @Reference(target = "(osgi.jndi.service.name=crm)") DataSource dataSource) {
        this.context = context;
        this.migrator = new LiquibaseMigrator(dataSource);
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, this);
        this.tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
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
            return null;
        }
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
        try {
            marker.unregister();
        } catch (IllegalStateException alreadyGone) {
            LOG.debug("Schema marker of {} was already unregistered", bundle.getSymbolicName());
        }
    }
}
