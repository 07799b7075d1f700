/** The Companies module's implementation; nothing here is API. */
@Header(name = MigratedSchema.CHANGELOG_HEADER, value = "db/changelog/companies.yaml")
package org.tesseracrm.companies.internal;

import org.osgi.annotation.bundle.Header;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
