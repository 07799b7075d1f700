/** The Quotes module's implementation; nothing here is API. */
@Header(name = MigratedSchema.CHANGELOG_HEADER, value = "db/changelog/quotes.yaml")
package org.tesseracrm.quotes.internal;

import org.osgi.annotation.bundle.Header;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
