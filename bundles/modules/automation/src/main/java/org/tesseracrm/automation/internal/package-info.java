/**
 * The Automation module's implementation; nothing here is API (the module's API is org.tesseracrm.automation.api,
 * the extension points org.tesseracrm.kernel.api.automation). The schema is db/changelog/automation.yaml, which
 * includes one changelog per part of the module.
 */
@Header(name = MigratedSchema.CHANGELOG_HEADER, value = "db/changelog/automation.yaml")
package org.tesseracrm.automation.internal;

import org.osgi.annotation.bundle.Header;
import org.tesseracrm.kernel.api.persistence.MigratedSchema;
