package org.tesseracrm.kernel.api.module;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One part of the installation that can be up or down (the database, the schema migrations, a
 * module's contributions). {@code GET /health} and Administration → Modules collect every registered
 * indicator: the installation is UP only when all of them are.
 *
 * <p>Register it as a whiteboard service with the service property {@link #COMPONENT}. An
 * indicator must answer fast and never block on I/O for long: it reports what its bundle already
 * knows, it does not probe.
 */
@ConsumerType
public interface HealthIndicator {
    /** Service property: the name of the part this indicator reports on, e.g. {@code database}. */
    String COMPONENT = "crm.health.component";

    /** @return the current state of the part, with a reason a person can act on when it is not UP */
    HealthStatus status();
}
