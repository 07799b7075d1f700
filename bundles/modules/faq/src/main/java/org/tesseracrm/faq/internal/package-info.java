/** The FAQ module's implementation; nothing here is API. */
@Header(name = MigratedSchema.CHANGELOG_HEADER, value = "db/changelog/faq.yaml")
package org.tesseracrm.faq.internal;

import org.osgi.annotation.bundle.Header;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
