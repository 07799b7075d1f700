/** How a bundle's database schema is migrated, how its services wait for that, the one transaction scope, and plain JDBC for modules' own tables. */
@Export
@Version("1.3.0")
package org.tesseracrm.kernel.api.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
