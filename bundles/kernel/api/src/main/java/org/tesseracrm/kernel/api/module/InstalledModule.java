package org.tesseracrm.kernel.api.module;

import java.util.List;

/**
 * A module whose bundle is installed and has announced itself.
 *
 * @param id module id
 * @param name display name
 * @param description one sentence
 * @param version the bundle version, e.g. {@code 0.1.0}
 * @param state the bundle state: ACTIVE, STARTING, STOPPING, RESOLVED or INSTALLED
 * @param routes the routes of the views the module contributes, sorted
 */
public record InstalledModule(String id, String name, String description, String version, String state,
        List<String> routes) {
    /** Makes the route list immutable. */
    public InstalledModule {
        routes = List.copyOf(routes);
    }
}
