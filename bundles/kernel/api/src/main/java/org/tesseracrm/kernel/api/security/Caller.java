package org.tesseracrm.kernel.api.security;

import java.util.Objects;

/**
 * The user on whose behalf a service call runs.
 *
 * @param username the login name, e.g. {@code admin}
 */
public record Caller(String username) implements java.io.Serializable {
    /** The caller of work the system does by itself (start-up, migrations, scheduled jobs). */
    public static final Caller SYSTEM = new Caller("system");

    /** Checks the name is present. */
    public Caller {
        Objects.requireNonNull(username, "username");
    }
}
