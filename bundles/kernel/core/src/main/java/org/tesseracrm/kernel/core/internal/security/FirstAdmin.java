package org.tesseracrm.kernel.core.internal.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides whether to create the first admin account. A marker file in {@code etc/} (which survives
 * a rebuild and is not in the database) remembers that this installation already had one: when it
 * exists and the user table is empty, the configured database is not the one with the site's data
 * (a typo in the database configuration once started an empty CRM with admin/admin), so no admin is
 * created and the installation reports DOWN.
 */
final class FirstAdmin {
    /** The marker's file name in {@code etc/}. */
    static final String MARKER = "tessera.installed";

    /** What to do at start. */
    enum Decision {
        /** Fresh installation: create the admin account and the marker. */
        CREATE,
        /** Accounts exist but the marker does not (an installation from before the marker): write it. */
        REMEMBER,
        /** Accounts and marker exist: nothing to do. */
        NOTHING,
        /** The marker says there were accounts, but the table is empty: refuse. */
        REFUSE
    }

    private final Optional<Path> marker;

    /** @param etc Karaf's etc folder; empty outside Karaf, where no marker is kept */
    FirstAdmin(Optional<Path> etc) {
        this.marker = etc.map(folder -> folder.resolve(MARKER));
    }

    /**
     * @param anyAccount whether the user table has at least one account
     * @param markerPresent whether the marker file exists
     * @return what to do
     */
    static Decision decide(boolean anyAccount, boolean markerPresent) {
        if (anyAccount) {
            return markerPresent ? Decision.NOTHING : Decision.REMEMBER;
        }
        return markerPresent ? Decision.REFUSE : Decision.CREATE;
    }

    /** @return what to do, given the user table */
    Decision decide(boolean anyAccount) {
        return decide(anyAccount, marker.map(Files::exists).orElse(false));
    }

    /** Writes the marker; a failure is returned as a message, since it must not stop the sign-in service. */
    Optional<String> remember(String admin, Instant now) {
        if (marker.isEmpty()) {
            return Optional.empty();
        }
        String text = """
                # Written by Tessera CRM when this installation first had user accounts (first admin '%s', %s).
                # While this file exists Tessera never creates a first admin account again: if the user table is
                # empty, the configured database is not the one with your data (check
                # etc/org.ops4j.datasource-crm.cfg). Delete this file only to start over with an empty database.
                """.formatted(admin, now);
        try {
            Files.writeString(marker.get(), text);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("Cannot write " + marker.get() + ": " + e.getMessage());
        }
    }

    /** @return the reason for {@link Decision#REFUSE}, for the log and {@code /health} */
    String refusal() {
        return "The database has no user accounts, but " + marker.map(Path::toString).orElse(MARKER)
                + " says this installation already had them. Tessera did not create a first admin: the configured "
                + "database is probably not the one with your data. Check url in etc/org.ops4j.datasource-crm.cfg. "
                + "To really start over with an empty database, delete " + MARKER + " and restart.";
    }
}
