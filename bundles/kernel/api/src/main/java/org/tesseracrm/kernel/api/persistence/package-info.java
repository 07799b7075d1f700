/** How a bundle's database schema is migrated and how its services wait for that. */
@Export
@Version("1.0.0")
package org.tesseracrm.kernel.api.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
