package org.tesseracrm.kernel.persistence.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.osgi.service.component.annotations.Component;
import org.tesseracrm.kernel.api.module.HealthIndicator;
import org.tesseracrm.kernel.api.module.HealthStatus;

/**
 * Health of the schema migrations ({@code crm.health.component=schema}): DOWN while any bundle's
 * changelog failed, naming the bundle, the changelog and the database's answer. The
 * {@link SchemaExtender} reports to it.
 */
@Component(service = {HealthIndicator.class, SchemaHealth.class},
        property = HealthIndicator.COMPONENT + "=" + SchemaHealth.NAME)
public class SchemaHealth implements HealthIndicator {
    /** The indicator's name. */
    static final String NAME = "schema";
    private static final int LONGEST_REASON = 300;

    /** Failed migrations by bundle symbolic name. */
    private final Map<String, String> failures = new ConcurrentSkipListMap<>();
    private volatile boolean running;

    @Override
    public HealthStatus status() {
        if (!failures.isEmpty()) {
            return HealthStatus.down(String.join(" ", failures.values()));
        }
        return running ? HealthStatus.up() : HealthStatus.starting("No schema migrations yet: waiting for the database.");
    }

    /** @param extenderRunning whether the extender migrates bundles (it does not while the database is missing or refused) */
    void running(boolean extenderRunning) {
        running = extenderRunning;
        if (!extenderRunning) {
            failures.clear();
        }
    }

    /** Records that a bundle's changelog could not be applied. */
    void failed(String bundle, String changelog, Throwable error) {
        failures.put(bundle, "The schema migration " + changelog + " of bundle " + bundle
                + " failed, so its services do not start: " + reason(error));
    }

    /** Forgets a failure: the bundle migrated after all, or it is gone. */
    void cleared(String bundle) {
        failures.remove(bundle);
    }

    /** @return the innermost message, which names what the database refused, shortened */
    static String reason(Throwable error) {
        Throwable cause = error;
        String message = error.toString();
        while (cause != null) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                message = cause.getMessage().strip();
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        if (message.length() > LONGEST_REASON) {
            return message.substring(0, LONGEST_REASON) + "…";
        }
        // Drivers' messages often lack the full stop that the sentences around them need.
        return message.matches("(?s).*[.!?…]$") ? message : message + ".";
    }
}
