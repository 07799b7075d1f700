package org.tesseracrm.kernel.api.persistence;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered by the kernel's schema extender for a bundle once the Liquibase changelog that the
 * bundle names in its {@value #CHANGELOG_HEADER} manifest header has been applied. A module's
 * services take a mandatory reference to it, so they never touch the database before its tables
 * exist:
 *
 * <pre>
 * &#64;Reference(target = "(crm.schema.bundle=org.tesseracrm.contacts)") MigratedSchema schema
 * </pre>
 *
 * The header is best set with bnd's {@code @Header(name = MigratedSchema.CHANGELOG_HEADER, value =
 * "db/changelog/contacts.yaml")}. The changelog path must be unique across bundles.
 */
@ProviderType
public interface MigratedSchema {
    /** Manifest header naming the bundle's Liquibase changelog resource. */
    String CHANGELOG_HEADER = "Tessera-Changelog";
    /** Service property: the symbolic name of the migrated bundle. */
    String BUNDLE = "crm.schema.bundle";

    /** @return the changelog resource that was applied */
    String changelog();
}
