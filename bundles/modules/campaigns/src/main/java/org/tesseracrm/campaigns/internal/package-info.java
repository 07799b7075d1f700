/** The Campaigns module's implementation; nothing here is API. */
@Header(name = MigratedSchema.CHANGELOG_HEADER, value = "db/changelog/campaigns.yaml")
package org.tesseracrm.campaigns.internal;

import org.osgi.annotation.bundle.Header;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
